// `npm run seed`: loads the demo data into the database at MONGODB_URI, then disconnects.
// (`npm start` without MONGODB_URI seeds its embedded database by itself.)
let config: typeof import('../server/config.ts').config;
try {
  ({ config } = await import('../server/config.ts'));
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(1);
}

if (!config.MONGODB_URI) {
  console.error('MONGODB_URI is not set: `npm run seed` loads the demo data into that database, e.g. MONGODB_URI=mongodb://127.0.0.1:27017 npm run seed');
  process.exit(1);
}

const { connectDatabase, disconnectDatabase } = await import('../server/db.ts');
const { ensureFirstAdmin } = await import('../services/staff/first-admin.ts');
const { seedAll } = await import('./seed.ts');
const { seedCredentials } = await import('./credentials.ts');
const { seedActivity } = await import('./activity/index.ts');
const { generateSlots } = await import('../services/booking/slot-generation.ts');

const credentials = seedCredentials(config.NODE_ENV);
try {
  await connectDatabase(config.MONGODB_URI, config.MONGODB_DB);
  await ensureFirstAdmin(config.ADMIN_USERNAME, config.ADMIN_PASSWORD);
  const report = await seedAll(credentials);
  const now = new Date();
  await generateSlots(now);
  const activity = await seedActivity(now);
  console.log(`demo activity: ${activity.applications} applications, ${activity.appointments} appointments, ${activity.tickets} tickets written`);
  console.log(
    `demo data: ${report.departments} departments, ${report.windows} windows, ${report.items} items (${report.changed} written), ${report.staffCreated} staff and ${report.screensCreated} screen created`,
  );
  if (report.staffCreated + report.screensCreated > 0) {
    const kind = credentials.generated ? 'generated (shown once, keep them safe)' : 'demo';
    console.log(`${kind} staff password: ${credentials.staffPassword}; screen token (X-Screen-Token): ${credentials.screenToken}`);
  }
} catch (error) {
  console.error(`seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await disconnectDatabase();
}
