import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { ApplicationModel } from '../../models/application.ts';
import { publishProgressJob } from '../../jobs/publish-progress.ts';
import { config } from '../../server/config.ts';
import { createCaches, type Caches } from '../../server/caches.ts';
import { addDays, zonedDate } from '../../services/calendar/zoned-time.ts';
import { updateApplication } from '../../services/applications/write.ts';
import { OVERLAP_MS } from '../../services/publishing/publish.ts';
import { PublishedCaseModel, PublishStateModel } from '../../models/published-case.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fileClock } from '../helpers/clock.ts';
import { buildCitizen, buildDepartment, buildItem } from '../helpers/factories.ts';
import { buildAppointment } from '../hall/fixtures.ts';
import { insertCases } from './fixtures.ts';

let app: TestApp;
let dir: string;
let itemCode: string;
let department: string;
// "Today" is the daytime clock's (the app's and the job's), so a run at midnight keeps one today.
const today = zonedDate(fileClock(), config.TZ_NAME);
const day = (offset: number) => addDays(today, offset);
// updatedAt is real time: the raw writes below get mongoose's stamp, and ticks read by updatedAt.
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
let ids: Awaited<ReturnType<typeof insertCases>>;
const SECRETS = ['张三丰', '李四光', '110101199003071234', '13812345678'];

async function tick(caches: Caches = app.caches) {
  const counts = await publishProgressJob(caches).run(fileClock());
  await caches.progress.refresh();
  return counts;
}

async function allFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) out.push(...(await allFiles(full)));
    else out.push(full);
  }
  return out;
}

test.before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'onetrip-publish-'));
  Object.assign(config, { PUBLISH_DIR: dir, PUBLISH_DAYS: 30 });
  app = await startTestApp({ clock: fileClock });
  department = (await buildDepartment({ name: '县市场监管局' })).code;
  itemCode = (await buildItem({ department, name: '食品经营许可' })).code;
  const base = { itemCode, department };
  ids = await insertCases([
    { ...base, name: '张三丰', status: 'accepted', acceptedDate: day(-2), deadline: day(3), updatedAt: minutesAgo(60) },
    {
      ...base,
      name: '李四光',
      status: 'completed',
      acceptedDate: day(-5),
      completedDate: day(-1),
      onTime: true,
      onsiteVisits: 1,
      evaluationScore: 5,
      updatedAt: minutesAgo(50),
    },
    {
      ...base,
      name: '某某科技有限公司',
      company: true,
      status: 'completed',
      acceptedDate: day(-1),
      completedDate: day(0),
      onTime: false,
      onsiteVisits: 2,
      evaluationScore: 2,
      updatedAt: minutesAgo(40),
    },
    { ...base, name: '王五', status: 'submitted', updatedAt: minutesAgo(30) },
    { ...base, name: '赵六', status: 'completed', acceptedDate: day(-70), completedDate: day(-60), onTime: true, onsiteVisits: 0, updatedAt: minutesAgo(20) },
  ]);
  const citizen = await buildCitizen();
  // An hour before the daytime clock: the same day, inside the published window.
  await buildAppointment(itemCode, citizen.id, -60);
  await buildAppointment(itemCode, citizen.id, -90, { status: 'cancelled' });
  await tick();
});
test.after.always(async () => {
  await app.close();
});

test.serial('GET /public/progress › lists accepted and completed cases of the window, applicants masked, companies in full', async (t) => {
  const res = await app.request('GET', '/api/v1/public/progress?pageSize=100');
  t.is(res.status, 200);
  t.is(res.body.total, 3);
  const byApplicant = new Map(res.body.items.map((c: { applicant: string }) => [c.applicant, c]));
  t.like(byApplicant.get('张*丰'), {
    status: 'accepted',
    statusText: '已受理',
    acceptedDate: day(-2),
    deadline: day(3),
    completedDate: null,
    itemName: '食品经营许可',
  });
  t.like(byApplicant.get('李*光'), { status: 'completed', completedDate: day(-1), onTime: true, department: { code: department, name: '县市场监管局' } });
  t.like(byApplicant.get('某某科技有限公司'), { status: 'completed', onTime: false });
  t.is(res.body.items[0].completedDate, day(0), 'newest first');
  t.deepEqual(
    res.body.items.map((c: { applicant: string }) => c.applicant),
    ['某某科技有限公司', '李*光', '张*丰'],
    'by listing day, newest first',
  );
  t.deepEqual(Object.keys(res.body.items[0]).sort(), [
    'acceptedDate',
    'applicant',
    'completedDate',
    'deadline',
    'department',
    'id',
    'itemCode',
    'itemName',
    'onTime',
    'status',
    'statusText',
  ]);
  const second = await app.request('GET', '/api/v1/public/progress?pageSize=1&page=2');
  t.like(second.body, { total: 3, page: 2, pageSize: 1 });
  t.deepEqual(second.body.items, [res.body.items[1]]);
});

test.serial('GET /public/stats › figures of the window: on time, at most one visit, bookings, satisfaction', async (t) => {
  const res = await app.request('GET', '/api/v1/public/stats');
  t.is(res.status, 200);
  t.like(res.body, {
    from: day(-29),
    to: today,
    casesAccepted: 3,
    casesCompleted: 2,
    onTimeRate: 0.5,
    oneVisitRate: 0.5,
    bookings: 1,
    satisfaction: { evaluations: 2, averageScore: 3.5, satisfiedRate: 0.5 },
  });
});

test.serial('publish job › writes the day files, index and figures under PUBLISH_DIR', async (t) => {
  const index = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8'));
  t.deepEqual(
    index.days.map((d: { date: string }) => d.date),
    [day(0), day(-1), day(-2)],
  );
  const file = JSON.parse(await readFile(path.join(dir, 'progress', `${day(-2)}.json`), 'utf8'));
  t.is(file.items[0].applicant, '张*丰');
  const stats = JSON.parse(await readFile(path.join(dir, 'stats.json'), 'utf8'));
  t.is(stats.casesCompleted, 2);
  t.false(
    (await allFiles(dir)).some((f) => f.endsWith('.tmp')),
    'no temporary files left',
  );
});

test.serial('publish job › no full name, ID number or phone in any public answer or file', async (t) => {
  const texts = [(await app.request('GET', '/api/v1/public/progress?pageSize=100')).text, (await app.request('GET', '/api/v1/public/stats')).text];
  for (const file of await allFiles(dir)) texts.push(await readFile(file, 'utf8'));
  for (const text of texts) for (const secret of SECRETS) t.false(text.includes(secret), `found ${secret}`);
  t.false(
    texts.some((text) => text.includes('v1.')),
    'no ciphertext either',
  );
});

test.serial('publish job › incremental: a tick reads only what changed since the watermark', async (t) => {
  const quiet = await tick();
  t.is(quiet.changed, 0);
  t.true((quiet.scanned ?? 99) <= 1, `scanned ${quiet.scanned}`);
  // Written raw: any write of an application moves its updatedAt, and that is all a tick reads by.
  await ApplicationModel.updateOne({ _id: ids[0] }, { $set: { status: 'completed', completedDate: today, onTime: true, onsiteVisits: 1 } });
  const counts = await tick();
  t.is(counts.changed, 1);
  t.true((counts.scanned ?? 99) <= 2, `scanned ${counts.scanned}`);
  const published = await PublishedCaseModel.find({ _id: ids[0] }).lean();
  t.is(published.length, 1, 'one published row per case, rewritten in place');
  t.is(published[0]!.status, 'completed');
  const stats = (await app.request('GET', '/api/v1/public/stats')).body;
  t.like(stats, { casesAccepted: 3, casesCompleted: 3, onTimeRate: 0.667, oneVisitRate: 0.667 });
  const moved = JSON.parse(await readFile(path.join(dir, 'progress', `${today}.json`), 'utf8'));
  t.true(moved.items.some((c: { applicant: string }) => c.applicant === '张*丰'));
  const old = JSON.parse(await readFile(path.join(dir, 'progress', `${day(-2)}.json`), 'utf8'));
  t.deepEqual(old.items, [], 'the case left its old day');
});

test.serial('publish job › a change made through the application writer after a publish appears in the next tick', async (t) => {
  await tick();
  await updateApplication(String(ids[1]), {}, { $set: { evaluationScore: 1, evaluatedAt: new Date() } }, new Date());
  const counts = await tick();
  t.is(counts.changed, 1);
  t.true((counts.scanned ?? 99) <= 2, `scanned ${counts.scanned} (the overlap re-reads the previous change)`);
  const stats = (await app.request('GET', '/api/v1/public/stats')).body;
  t.like(stats.satisfaction, { evaluations: 2, averageScore: 1.5 });
});

test.serial('publish job › a write that lands with an updatedAt older than the watermark is still published, once', async (t) => {
  await tick();
  const watermark = (await PublishStateModel.findById('progress').lean())!.watermark!;
  // Its `now` was taken before the newest write that the last tick already read.
  const late = new Date(watermark.getTime() - OVERLAP_MS / 2);
  await ApplicationModel.collection.updateOne({ _id: ids[2] }, { $set: { evaluationScore: 4, updatedAt: late } });
  t.like(await tick(), { changed: 1 });
  t.like(await tick(), { changed: 0 }, 'reading it again writes nothing');
  const stats = (await app.request('GET', '/api/v1/public/stats')).body;
  t.like(stats.satisfaction, { evaluations: 2, averageScore: 2.5 });
});

test.serial('publish job › day files and figures patched tick by tick are exactly what a fresh process makes from scratch', async (t) => {
  await ApplicationModel.updateOne({ _id: ids[1] }, { $set: { status: 'accepted', completedDate: null } });
  await tick();
  const read = async (): Promise<Record<string, string>> =>
    Object.fromEntries(
      await Promise.all(
        (await readdir(path.join(dir, 'progress'))).sort().map(async (name) => [name, await readFile(path.join(dir, 'progress', name), 'utf8')] as const),
      ),
    );
  const figures = async () => ({ ...JSON.parse(await readFile(path.join(dir, 'stats.json'), 'utf8')), generatedAt: null });
  const patched = await read();
  const tallied = await figures();
  // A new process knows nothing: its own caches, with an empty ledger.
  const fresh = createCaches();
  await fresh.start();
  t.teardown(() => fresh.stop());
  t.like(await tick(fresh), { changed: 0 });
  t.deepEqual(await read(), patched);
  t.deepEqual(await figures(), tallied);
  t.true(Object.values(patched).some((text) => text.includes('李*光')));
});
