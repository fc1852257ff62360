// Starts OneTrip: database (MONGODB_URI, else an embedded one with demo data) after checking
// that its updates are atomic, the in-memory caches, HTTP, jobs, and a graceful shutdown that
// drains requests and stops jobs before exit.
import type { Server } from 'node:http';
import path from 'node:path';

let config: typeof import('./config.ts').config;
try {
  ({ config } = await import('./config.ts'));
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(1);
}

const { logger } = await import('./logger.ts');
const { connectDatabase, connectedDb, disconnectDatabase } = await import('./db.ts');
const { assertAtomicUpdates } = await import('./atomicity-probe.ts');
const { createCaches } = await import('./caches.ts');
const { startLocalMongo } = await import('./embedded-db.ts');
const { createApp } = await import('./app.ts');
const { answerClientErrors } = await import('./client-errors.ts');
const { startJobs } = await import('../jobs/runner.ts');
const { createJobs } = await import('../jobs/index.ts');
const { ensureFirstAdmin } = await import('../services/staff/first-admin.ts');

let uri = config.MONGODB_URI;
let stopLocal: (() => Promise<void>) | undefined;
if (!uri) {
  try {
    const local = await startLocalMongo({
      dataDir: path.resolve(config.DATA_DIR),
      persistent: true,
      log: (message) => logger.info(message),
    });
    uri = local.uri;
    stopLocal = local.stop;
    logger.info({ kind: local.kind, uri }, 'started embedded database');
  } catch (error) {
    logger.fatal(String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
}

await connectDatabase(uri, config.MONGODB_DB);
// A server whose guarded updates race (FerretDB v1) would oversell seats: refuse it.
try {
  logger.info(await assertAtomicUpdates(connectedDb()), 'database atomicity probe passed');
} catch (error) {
  logger.fatal(String(error instanceof Error ? error.message : error));
  await disconnectDatabase();
  await stopLocal?.();
  process.exit(1);
}
let seededDemo = false;
if (stopLocal) {
  const { seedIfEmpty } = await import('../seed/seed.ts');
  if (await seedIfEmpty()) {
    // A newcomer should see bookable slots at once, not after the next hourly tick.
    const { slotGenerationJob } = await import('../jobs/slot-generation.ts');
    const now = new Date();
    logger.info(await slotGenerationJob.run(now), 'demo slots generated');
    const { seedActivity } = await import('../seed/activity/index.ts');
    await seedActivity(now);
    seededDemo = true;
  }
}
await ensureFirstAdmin(config.ADMIN_USERNAME, config.ADMIN_PASSWORD);
const caches = createCaches();
await caches.start();
// Publish the demo's cases at once so the public board and figures are not empty until the first tick.
if (seededDemo) {
  const { publishProgressJob } = await import('../jobs/publish-progress.ts');
  logger.info(await publishProgressJob(caches).run(new Date()), 'demo progress published');
}
const stopJobs = config.JOBS_ENABLED ? startJobs(createJobs(caches), config.TZ_NAME) : async () => {};

const server: Server = createApp({ caches }).listen(config.PORT, config.HOST, () => {
  const address = server.address();
  logger.info({ host: config.HOST, port: typeof address === 'object' && address ? address.port : config.PORT }, 'OneTrip listening');
});
server.keepAliveTimeout = 65_000;
answerClientErrors(server);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: draining requests and stopping jobs');
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections would hold close() open until they time out: close each one as
  // soon as its in-flight request is answered, and everything after a hard deadline.
  const sweeper = setInterval(() => server.closeIdleConnections(), 100);
  const deadline = setTimeout(() => server.closeAllConnections(), 15_000);
  await Promise.all([drained, stopJobs()]);
  clearInterval(sweeper);
  clearTimeout(deadline);
  caches.stop();
  await disconnectDatabase();
  await stopLocal?.();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
