import { spawnSync } from 'node:child_process';
import test from 'ava';
import { BundleModel } from '../../models/bundle.ts';
import mongoose from 'mongoose';
import { DepartmentModel } from '../../models/department.ts';
import { ItemModel } from '../../models/item.ts';
import { ScheduleModel } from '../../models/schedule.ts';
import { ScreenDeviceModel } from '../../models/screen-device.ts';
import { windowGroupOf } from '../../services/booking/window-group.ts';
import { StaffModel } from '../../models/staff.ts';
import { WindowModel } from '../../models/window.ts';
import { guideRuleViolations, ItemInput } from '../../routes/admin/catalogue-schema.ts';
import { resolveScreenToken } from '../../server/auth/screen-token.ts';
import { hashPassword, verifyPassword } from '../../services/auth/passwords.ts';
import { DEMO_SCREEN_TOKEN, DEMO_STAFF_PASSWORD, seedCredentials } from '../../seed/credentials.ts';
import { items } from '../../seed/data/catalogue.ts';
import { seedAll, seedIfEmpty, type SeedReport } from '../../seed/seed.ts';
import { connectTestDatabase } from '../helpers/app.ts';

let first: SeedReport;

test.before(async () => {
  await connectTestDatabase();
  first = await seedAll(seedCredentials('development'));
});
test.after.always(async () => {
  await mongoose.connection.dropDatabase().catch(() => {});
  await mongoose.disconnect();
});

const counts = async () => ({
  departments: await DepartmentModel.countDocuments(),
  windows: await WindowModel.countDocuments(),
  items: await ItemModel.countDocuments(),
  staff: await StaffModel.countDocuments(),
  screens: await ScreenDeviceModel.countDocuments(),
});

test('demo catalogue › every item passes the admin item schema and the guide rules', (t) => {
  for (const item of items) {
    const parsed = ItemInput.strict().safeParse(item);
    t.true(parsed.success, `${item.code}: ${parsed.error?.message ?? ''}`);
    if (parsed.success) t.deepEqual(guideRuleViolations(parsed.data), {}, item.code);
  }
  t.is(new Set(items.map((i) => i.code)).size, items.length, 'item codes are unique');
});

test('seedAll › stores 18 departments, 120–140 items and exactly 50 high-frequency ones', async (t) => {
  const stored = await counts();
  t.is(stored.departments, 18);
  t.true(stored.items >= 120 && stored.items <= 140, `${stored.items} items`);
  t.is(await ItemModel.countDocuments({ highFrequency: true }), 50);
  const bundles = await BundleModel.find({}).sort({ code: 1 }).lean();
  t.deepEqual(bundles.map((b) => b.name).sort(), ['开办餐饮店一件事', '新生儿出生一件事', '退休一件事'].sort());
  t.true(bundles.every((b) => b.items.length >= 2));
  t.is(first.changed, stored.departments + stored.windows + stored.items + bundles.length);
});

test('seedAll › every item names an existing department and existing windows of HALL1', async (t) => {
  const departments = new Set((await DepartmentModel.find().lean()).map((d) => d.code));
  const windows = new Map((await WindowModel.find().lean()).map((w) => [w.code, w]));
  for (const item of await ItemModel.find().lean()) {
    t.true(departments.has(item.department), `${item.code} department ${item.department}`);
    t.true(item.windows.length > 0, `${item.code} has a window`);
    for (const code of item.windows) t.is(windows.get(code)?.hallCode, 'HALL1', `${item.code} window ${code}`);
  }
  for (const department of departments)
    t.true(
      [...windows.values()].some((w) => w.department === department),
      `${department} has a window`,
    );
});

test('seedAll › creates a department admin and a window clerk per department, with the demo password', async (t) => {
  t.is(await StaffModel.countDocuments({ role: 'dept_admin' }), 18);
  t.is(await StaffModel.countDocuments({ role: 'window' }), 18);
  const clerk = await StaffModel.findOne({ username: 'ga_window1' }).lean();
  t.is(clerk?.department, 'GA');
  t.deepEqual(clerk?.windows, ['A01']);
  t.true(await verifyPassword(DEMO_STAFF_PASSWORD, clerk!.passwordHash));
});

test('seedAll › the HALL1 screen device accepts the demo token', async (t) => {
  const principal = await resolveScreenToken(DEMO_SCREEN_TOKEN);
  t.is(principal.hallCode, 'HALL1');
});

test('seedAll › gives every bookable item opening hours (a schedule for its window group)', async (t) => {
  t.true(first.schedulesCreated > 0);
  const groups = new Set((await ScheduleModel.find({}, { windowGroup: 1 }).lean()).map((s) => s.windowGroup));
  const bookable = items.filter((i) => i.onlineBooking !== false && i.windows.length > 0);
  t.true(bookable.every((i) => groups.has(windowGroupOf(i.windows))));
});

test.serial('seedAll › running it twice changes nothing', async (t) => {
  const before = await counts();
  const stamps = await ItemModel.find({}, { code: 1, updatedAt: 1 }).sort({ code: 1 }).lean();
  const second = await seedAll(seedCredentials('development'));
  t.deepEqual(await counts(), before);
  t.deepEqual([second.changed, second.staffCreated, second.screensCreated, second.schedulesCreated], [0, 0, 0, 0]);
  t.deepEqual(await ItemModel.find({}, { code: 1, updatedAt: 1 }).sort({ code: 1 }).lean(), stamps);
});

test.serial('seedAll › never overwrites a staff password changed since', async (t) => {
  const changedHash = await hashPassword('a-password-changed-later');
  await StaffModel.updateOne({ username: 'mz_admin' }, { $set: { passwordHash: changedHash } });
  await seedAll(seedCredentials('development'));
  t.is((await StaffModel.findOne({ username: 'mz_admin' }).lean())?.passwordHash, changedHash);
});

test.serial('seedAll › restores a demo item edited since (upsert by code)', async (t) => {
  await ItemModel.updateOne({ code: 'GA-001' }, { $set: { name: '改过的名称' } });
  const report = await seedAll(seedCredentials('development'));
  t.is(report.changed, 1);
  t.is((await ItemModel.findOne({ code: 'GA-001' }).lean())?.name, '居民身份证换领');
});

test.serial('seedIfEmpty › loads nothing when items exist', async (t) => {
  t.false(await seedIfEmpty());
});

test('npm run seed › without MONGODB_URI › exits 1 naming the variable', (t) => {
  const run = spawnSync(process.execPath, ['--import=tsx', 'seed/index.ts'], {
    env: { ...process.env, MONGODB_URI: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  t.is(run.status, 1);
  t.regex(run.stderr, /MONGODB_URI is not set/);
});
