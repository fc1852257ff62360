// A local stand-in for api.weixin.qq.com that answers the way WeChat does: HTTP 200 with
// `{errcode, errmsg}` on failure, single-use codes, stable_token semantics (the same token
// until its last 5 minutes), and access_token checks. Tests steer it with failNext/hangNext.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

type Answer = Record<string, unknown>;

export interface SentMessage {
  touser: string;
  template_id: string;
  page?: string;
  miniprogram_state?: string;
  lang?: string;
  data: Record<string, { value: string }>;
}

export interface FakeWechat {
  baseUrl: string;
  close(): Promise<void>;
  /** A wx.login code for this openid, valid once. */
  issueLoginCode(openid: string, options?: { unionid?: string; sessionKey?: string }): string;
  /** A getPhoneNumber button code for this number, valid once. */
  issuePhoneCode(purePhoneNumber: string, countryCode?: string): string;
  /** The next request to `path` (e.g. `/sns/jscode2session`) answers this errcode. */
  failNext(path: string, errcode: number): void;
  /** The next request to `path` never gets an answer (until close). */
  hangNext(path: string): void;
  /** Moves the fake's clock forward (token expiry). */
  advance(ms: number): void;
  /** Invalidates every issued access_token, as a forced refresh elsewhere would. */
  revokeAccessTokens(): void;
  readonly sentMessages: SentMessage[];
  readonly tokenRequests: number;
  /** Every request, by path, in arrival order (without query strings or bodies). */
  readonly calls: Array<{ method: string; path: string }>;
}

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40013: 'invalid appid',
  40029: 'invalid code',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40226: 'code blocked',
  42001: 'access_token expired',
  43101: 'user refuse to accept the msg',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47003: 'argument invalid!',
};
const failure = (errcode: number, detail = ''): Answer => ({
  errcode,
  errmsg: `${ERRMSG[errcode] ?? 'error'}${detail}, rid: ${randomBytes(6).toString('hex')}`,
});
const TOKEN_LIFETIME_MS = 7_200_000;
const RENEW_WINDOW_MS = 300_000;

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeWechat(app: { appId: string; secret: string }): Promise<FakeWechat> {
  let clockOffsetMs = 0;
  const now = () => Date.now() + clockOffsetMs;
  const loginCodes = new Map<string, { openid: string; unionid?: string; sessionKey: string; used: boolean }>();
  const phoneCodes = new Map<string, { purePhoneNumber: string; countryCode: string; used: boolean }>();
  const tokens = new Map<string, { expiresAt: number }>();
  let currentToken: string | undefined;
  const failures = new Map<string, number[]>();
  const hangs = new Set<string>();
  const sentMessages: SentMessage[] = [];
  const calls: Array<{ method: string; path: string }> = [];
  let tokenRequests = 0;

  const checkApp = (appid: unknown, secret: unknown): Answer | undefined => {
    if (appid !== app.appId) return failure(40013);
    if (secret !== app.secret) return failure(40125);
    return undefined;
  };
  const checkToken = (token: string | null): Answer | undefined => {
    const issued = token ? tokens.get(token) : undefined;
    if (!issued) return failure(40001);
    return issued.expiresAt <= now() ? failure(42001) : undefined;
  };

  const routes: Record<string, (query: URLSearchParams, body: Answer) => Answer> = {
    'GET /sns/jscode2session': (query) => {
      const refused = checkApp(query.get('appid'), query.get('secret'));
      if (refused) return refused;
      if (query.get('grant_type') !== 'authorization_code') return failure(40002);
      const issued = loginCodes.get(query.get('js_code') ?? '');
      if (!issued) return failure(40029);
      if (issued.used) return failure(40163);
      issued.used = true;
      return { openid: issued.openid, session_key: issued.sessionKey, ...(issued.unionid && { unionid: issued.unionid }) };
    },
    'POST /cgi-bin/stable_token': (_query, body) => {
      const refused = checkApp(body.appid, body.secret);
      if (refused) return refused;
      if (body.grant_type !== 'client_credential') return failure(40002);
      tokenRequests += 1;
      const current = currentToken ? tokens.get(currentToken) : undefined;
      if (body.force_refresh === true) tokens.clear();
      else if (current && currentToken && current.expiresAt - now() > RENEW_WINDOW_MS) {
        return { access_token: currentToken, expires_in: Math.floor((current.expiresAt - now()) / 1000) };
      } else if (current) {
        // Like WeChat: the old token stays valid for 5 more minutes beside the new one.
        current.expiresAt = Math.min(current.expiresAt, now() + RENEW_WINDOW_MS);
      }
      currentToken = `fake-token-${randomBytes(12).toString('hex')}`;
      tokens.set(currentToken, { expiresAt: now() + TOKEN_LIFETIME_MS });
      return { access_token: currentToken, expires_in: TOKEN_LIFETIME_MS / 1000 };
    },
    'POST /wxa/business/getuserphonenumber': (query, body) => {
      const refused = checkToken(query.get('access_token'));
      if (refused) return refused;
      const issued = typeof body.code === 'string' ? phoneCodes.get(body.code) : undefined;
      if (!issued || issued.used) return failure(40029);
      issued.used = true;
      const { purePhoneNumber, countryCode } = issued;
      const phoneNumber = countryCode === '86' ? purePhoneNumber : `+${countryCode} ${purePhoneNumber}`;
      return {
        errcode: 0,
        errmsg: 'ok',
        phone_info: { phoneNumber, purePhoneNumber, countryCode, watermark: { timestamp: Math.floor(now() / 1000), appid: app.appId } },
      };
    },
    'POST /cgi-bin/message/subscribe/send': (query, body) => {
      const refused = checkToken(query.get('access_token'));
      if (refused) return refused;
      const invalid = invalidMessage(body);
      if (invalid) return failure(47003, ` ${invalid}`);
      sentMessages.push(body as unknown as SentMessage);
      return { errcode: 0, errmsg: 'ok' };
    },
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const text = await readBody(request);
    calls.push({ method: request.method ?? 'GET', path: url.pathname });
    if (hangs.delete(url.pathname)) return; // never answered; close() destroys the socket
    const route = routes[`${request.method} ${url.pathname}`];
    const queued = failures.get(url.pathname)?.shift();
    let answer: Answer;
    if (queued !== undefined) answer = failure(queued);
    else if (!route) answer = { errcode: 40066, errmsg: 'invalid url' };
    else answer = route(url.searchParams, parseBody(text));
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  };

  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const newCode = () => randomBytes(16).toString('hex');

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    issueLoginCode(openid, options = {}) {
      const code = newCode();
      const sessionKey = options.sessionKey ?? randomBytes(16).toString('base64');
      loginCodes.set(code, { openid, unionid: options.unionid, sessionKey, used: false });
      return code;
    },
    issuePhoneCode(purePhoneNumber, countryCode = '86') {
      const code = newCode();
      phoneCodes.set(code, { purePhoneNumber, countryCode, used: false });
      return code;
    },
    failNext(path, errcode) {
      failures.set(path, [...(failures.get(path) ?? []), errcode]);
    },
    hangNext(path) {
      hangs.add(path);
    },
    advance(ms) {
      clockOffsetMs += ms;
    },
    revokeAccessTokens() {
      tokens.clear();
      currentToken = undefined;
    },
    sentMessages,
    get tokenRequests() {
      return tokenRequests;
    },
    calls,
  };
}

// Checks what WeChat checks: recipient, template, data as {key: {value}}, thing.* at most 20 characters.
function invalidMessage(body: Answer): string | undefined {
  if (typeof body.touser !== 'string' || body.touser === '') return 'touser missing';
  if (typeof body.template_id !== 'string' || body.template_id === '') return 'template_id missing';
  const states = ['developer', 'trial', 'formal'];
  if (body.miniprogram_state !== undefined && !states.includes(body.miniprogram_state as string)) {
    return 'miniprogram_state invalid';
  }
  if (!body.data || typeof body.data !== 'object') return 'data missing';
  for (const [key, entry] of Object.entries(body.data as Record<string, unknown>)) {
    const value = (entry as { value?: unknown } | null)?.value;
    if (typeof value !== 'string') return `data.${key}.value invalid`;
    if (/^thing\d+$/.test(key) && [...value].length > 20) return `data.${key}.value invalid`;
  }
  return undefined;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string): Answer {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Answer) : {};
  } catch {
    return {};
  }
}
