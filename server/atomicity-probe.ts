// Refuses a database whose guarded updates are not atomic. Every "only one may win" decision
// in OneTrip (a seat, a status change) is one conditional update; on a server that applies two
// of them to the same document at once (FerretDB v1 lets 5–196 of 200 racers take 5 seats) the
// hall would be oversold. So at start a short race on a scratch collection must come out exact.
import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';

/** Racers for the seats, seats on offer, and concurrent `$inc`s of the counter. */
const RACERS = 100;
const SEATS = 5;
const INCREMENTS = 100;

/** What one probe measured. */
export interface ProbeResults {
  seats: number;
  racers: number;
  /** Racers whose guarded update matched (modifiedCount 1, or a document returned). */
  winners: number;
  /** `remaining` read back after the race. */
  remaining: number;
  increments: number;
  /** The counter read back after INCREMENTS concurrent `$inc: 1`. */
  total: number;
  ms: number;
}

export type ProbeVerdict = { ok: true } | { ok: false; problem: string };

/** Decides from the figures whether guarded updates and `$inc` were exact. */
export function judgeProbe(results: ProbeResults): ProbeVerdict {
  const problems: string[] = [];
  if (results.winners !== results.seats || results.remaining !== 0) {
    problems.push(
      `${results.racers} concurrent guarded updates ({remaining: {$gt: 0}} → $inc -1) on ${results.seats} seats ` +
        `had ${results.winners} winners and left remaining = ${results.remaining} (expected ${results.seats} winners and 0)`,
    );
  }
  if (results.total !== results.increments) {
    problems.push(`${results.increments} concurrent $inc: 1 on one counter left it at ${results.total}`);
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problem: problems.join('; ') };
}

/** The server's name and version from buildInfo, with any product field such as `ferretdbVersion`. */
export function describeServer(buildInfo: Record<string, unknown>): string {
  const products = Object.entries(buildInfo)
    .filter(([key, value]) => /^[a-z]+Version$/i.test(key) && key !== 'gitVersion' && typeof value === 'string')
    .map(([key, value]) => `${key.replace(/Version$/, '')} ${String(value)}`);
  const reported = `MongoDB-compatible server reporting version ${String(buildInfo.version ?? 'unknown')}`;
  return products.length > 0 ? `${products.join(', ')} (${reported})` : reported;
}

/** Runs the race on a scratch collection of `db` (dropped afterwards) and returns the figures. */
export async function probeAtomicity(db: Db): Promise<ProbeResults> {
  const name = `atomicity_probe_${randomBytes(6).toString('hex')}`;
  const started = performance.now();
  // Made by a create of its own before the first insert, as syncIndexes makes every collection (server/db.ts).
  const collection = await db.createCollection<{ _id: string; remaining: number }>(name);
  try {
    await collection.insertMany([
      { _id: 'seats', remaining: SEATS },
      { _id: 'counter', remaining: 0 },
    ]);
    // Both idioms the services use, interleaved; in flight together they spread over the pool's connections.
    const race = Array.from({ length: RACERS }, async (_, n) => {
      const filter = { _id: 'seats', remaining: { $gt: 0 } };
      const update = { $inc: { remaining: -1 } };
      if (n % 2 === 0) return (await collection.updateOne(filter, update)).modifiedCount === 1;
      return (await collection.findOneAndUpdate(filter, update)) !== null;
    });
    const winners = (await Promise.all(race)).filter(Boolean).length;
    await Promise.all(Array.from({ length: INCREMENTS }, () => collection.updateOne({ _id: 'counter' }, { $inc: { remaining: 1 } })));
    const after = new Map((await collection.find({}).toArray()).map((doc) => [doc._id, doc.remaining]));
    return {
      seats: SEATS,
      racers: RACERS,
      winners,
      remaining: after.get('seats') ?? Number.NaN,
      increments: INCREMENTS,
      total: after.get('counter') ?? Number.NaN,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    await collection.drop().catch(() => {});
  }
}

/** Thrown when the database would let two racers win the same seat. */
export class NonAtomicDatabaseError extends Error {
  constructor(
    readonly server: string,
    readonly problem: string,
    readonly results: ProbeResults,
  ) {
    super(
      `OneTrip refuses to run on ${server}: its updates are not atomic under concurrency (${problem}). It would oversell seats; use MongoDB (a replica set) or another server whose guarded updates are atomic.`,
    );
    this.name = 'NonAtomicDatabaseError';
  }
}

/** Probes `db`; returns the figures when updates are exact, throws NonAtomicDatabaseError otherwise. */
export async function assertAtomicUpdates(db: Db): Promise<ProbeResults & { server: string }> {
  const server = describeServer(await db.admin().command({ buildInfo: 1 }));
  const results = await probeAtomicity(db);
  const verdict = judgeProbe(results);
  if (!verdict.ok) throw new NonAtomicDatabaseError(server, verdict.problem, results);
  return { ...results, server };
}
