// The mongoose connection: connect with fail-fast timeouts, build indexes before the first
// request, and answer readiness by a real round trip.
import type { Db } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';
import { logger } from './logger.ts';

// Unknown filter fields are dropped rather than matched. Operator injection is stopped at the
// edge instead (middleware/reject-operators.ts and typed request schemas).
mongoose.set('strictQuery', true);
// While the database is away, fail within seconds (→ 503) instead of queueing requests.
mongoose.set('bufferTimeoutMS', 2000);

/** How every connection to the database is made (the default one, and another instance's in tests). */
const CONNECTION_OPTIONS = {
  serverSelectionTimeoutMS: 2000,
  heartbeatFrequencyMS: 1000,
  // No socket timeout (the driver's default): one that fires closes the connection and leaves a
  // write's outcome unknown, and under a burst it turns a slow queue into a storm of errors and
  // reconnects. A server that goes away closes its sockets, and then server selection fails
  // within 2 s (503).
  maxPoolSize: 50,
  // Collections and indexes are made once, in order, by syncIndexes below, before any write.
  // Mongoose's own background init would send a `create` of each collection while the first
  // requests insert into it, and on SecantusDB an explicit create racing the implicit create of
  // an insert into the same collection deadlocks its storage: the insert holds its catalog page
  // while it waits for the storage lock, and the create holds that lock while it waits for the page.
  autoCreate: false,
  autoIndex: false,
} as const;

/** Connects the default mongoose connection; `dbName` lets each test file use its own. */
export async function connectDatabase(uri: string, dbName: string): Promise<typeof mongoose> {
  const connection = await mongoose.connect(uri, { ...CONNECTION_OPTIONS, dbName });
  await syncIndexes();
  logger.info({ dbName }, 'database connected');
  return connection;
}

/** A second connection to a database connectDatabase has set up (another instance, in tests). */
export function openConnection(uri: string, dbName: string): Promise<Connection> {
  return mongoose.createConnection(uri, { ...CONNECTION_OPTIONS, dbName }).asPromise();
}

/** Creates every model's collection and declared indexes (idempotent), one at a time, so they exist before traffic. */
export async function syncIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) {
    await model.createCollection();
    await model.createIndexes();
  }
}

/** True while a ping succeeds within `timeoutMs`. */
export async function isDatabaseReachable(timeoutMs = 1000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db) return false;
  try {
    await db.admin().command({ ping: 1 }, { timeoutMS: timeoutMs });
    return true;
  } catch {
    return false;
  }
}

/** The driver's handle of the connected database (for the few callers below mongoose). */
export function connectedDb(): Db {
  const db = mongoose.connection.db;
  if (!db) throw new Error('the database is not connected');
  return db;
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
