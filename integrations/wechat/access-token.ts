// The mini-program's access_token, shared by every OneTrip instance through MongoDB.
// WeChat's stable_token gives one token per app at a time; if each instance fetched its
// own we would burn quota and, worse, a forced refresh anywhere would break the others.
// So: read the stored token; when it has 5 minutes or less left, one caller refreshes —
// one per process (a shared in-flight promise) and one across instances (the lease row, taken
// by a guarded upsert that matches only a lease run out, as jobs/lock.ts takes a job's lease);
// the others wait and re-read.
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose, { type Connection, type Model } from 'mongoose';
import { wechatTokenModel, type WechatTokenDocument } from '../../models/wechat-token.ts';
import { WechatUnavailableError, isTokenRejected } from './errors.ts';
import { callWechat } from './http.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';

export { wechatTokenModel, type WechatTokenDocument };

/** Where the app's credentials and API live; every token-using call takes these. */
export interface WechatAppOptions {
  apiBase: string;
  appId: string;
  secret: string;
  /** The database the token is shared through; mongoose's default connection when absent. */
  connection?: Connection;
  /** The current time, for tests; the real clock when absent. */
  now?: Date;
  timeoutMs?: number;
  /** Play WeChat locally instead of calling it (see sandbox.ts). */
  sandbox?: boolean;
  /** Where the sandbox reports what it would have sent. */
  sandboxLog?: (message: string, details: Record<string, unknown>) => void;
}

/** The token is renewed when it has this little left (WeChat keeps the old one valid 5 more minutes). */
export const TOKEN_RENEW_MARGIN_MS = 5 * 60_000;
// Longer than a stable_token call may take (5 s timeout), so a live refresher never loses its lease.
const REFRESH_LEASE_MS = 15_000;
const WAIT_POLL_MS = 100;
// A waiter gives up a little after a crashed refresher's lease would have run out.
const WAIT_LIMIT_MS = REFRESH_LEASE_MS + 5_000;

// One in-flight refresh per app per connection; a connection stands for one instance.
const refreshesInFlight = new WeakMap<Connection, Map<string, Promise<string>>>();

/** Returns a token with more than 5 minutes left, refreshing it at most once across instances. */
export async function getAccessToken(options: WechatAppOptions): Promise<string> {
  const connection = options.connection ?? mongoose.connection;
  const clock = clockFrom(options.now);
  const stored = await wechatTokenModel(connection).findById(options.appId).lean();
  if (isFresh(stored, clock())) return stored.token;

  let inFlight = refreshesInFlight.get(connection);
  if (!inFlight) refreshesInFlight.set(connection, (inFlight = new Map()));
  const running = inFlight.get(options.appId);
  if (running) return running;
  const refresh = refreshShared(options, connection, clock).finally(() => inFlight.delete(options.appId));
  inFlight.set(options.appId, refresh);
  return refresh;
}

/** Marks `token` unusable (WeChat rejected it) unless another caller has already replaced it. */
export async function invalidateAccessToken(options: { appId: string; token: string; connection?: Connection }) {
  await wechatTokenModel(options.connection).updateOne({ _id: options.appId, token: options.token }, { $set: { expiresAt: new Date(0) } });
}

/** Runs `call` with the shared token; on 40001/42001 replaces the token and retries once. */
export async function withAccessToken<T>(options: WechatAppOptions, call: (token: string) => Promise<T>): Promise<T> {
  const token = await getAccessToken(options);
  try {
    return await call(token);
  } catch (error) {
    if (!isTokenRejected(error)) throw error;
    await invalidateAccessToken({ appId: options.appId, token, connection: options.connection });
    return call(await getAccessToken(options));
  }
}

type Clock = () => Date;

// A fixed `now` from a test still moves forward with real time, so leases can run out.
function clockFrom(now: Date | undefined): Clock {
  if (!now) return () => new Date();
  const offset = now.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

function isFresh(stored: WechatTokenDocument | null, now: Date): stored is WechatTokenDocument & { token: string; expiresAt: Date } {
  return Boolean(stored?.token && stored.expiresAt && stored.expiresAt.getTime() - now.getTime() > TOKEN_RENEW_MARGIN_MS);
}

/** The `_id` of the row that says an instance is refreshing this app's token. */
export function refreshLeaseId(appId: string): string {
  return `${appId}:refresh-lease`;
}

async function refreshShared(options: WechatAppOptions, connection: Connection, clock: Clock): Promise<string> {
  const tokens = wechatTokenModel(connection);
  const giveUpAt = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    const now = clock();
    const lease = new Date(now.getTime() + REFRESH_LEASE_MS);
    if (await claimLease(tokens, options.appId, now, lease)) {
      try {
        // Another instance may have finished its refresh between our read and our claim.
        const current = await tokens.findById(options.appId).lean();
        if (isFresh(current, clock())) return current.token;
        return await fetchAndStore(options, tokens, clock);
      } finally {
        await tokens.deleteOne({ _id: refreshLeaseId(options.appId), refreshingUntil: lease });
      }
    }
    if (Date.now() > giveUpAt) {
      throw new WechatUnavailableError('/cgi-bin/stable_token', 'another instance holds the token refresh');
    }
    await sleep(WAIT_POLL_MS);
    const current = await tokens.findById(options.appId).lean();
    if (isFresh(current, clock())) return current.token;
  }
}

// True when this caller took the lease: the upsert matches a lease that has run out (one left
// by a refresher that died) or, when there is none, inserts it; a live lease makes the insert
// hit its `_id`, and of racing inserts only one succeeds.
async function claimLease(tokens: Model<WechatTokenDocument>, appId: string, now: Date, lease: Date) {
  try {
    await tokens.updateOne(
      { _id: refreshLeaseId(appId), refreshingUntil: { $lte: now } },
      { $set: { token: null, expiresAt: null, refreshingUntil: lease } },
      { upsert: true },
    );
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

async function fetchAndStore(options: WechatAppOptions, tokens: Model<WechatTokenDocument>, clock: Clock) {
  // The lifetime counts from before the request, so the stored expiry errs early, never late.
  const requestedAt = clock();
  const answer = await callWechat<{ access_token: string; expires_in: number }>({
    apiBase: options.apiBase,
    path: '/cgi-bin/stable_token',
    body: { grant_type: 'client_credential', appid: options.appId, secret: options.secret, force_refresh: false },
    timeoutMs: options.timeoutMs,
  });
  const expiresAt = new Date(requestedAt.getTime() + answer.expires_in * 1000);
  await tokens.updateOne({ _id: options.appId }, { $set: { token: answer.access_token, expiresAt } }, { upsert: true });
  return answer.access_token;
}
