import test from 'ava';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildDepartment, buildItem, buildWindow } from '../helpers/factories.ts';

let app: TestApp;
let department: string;

test.before(async () => {
  app = await startTestApp();
  department = (await buildDepartment({ name: '县公安局' })).code;
  const window = (await buildWindow(department, { name: '公安综合窗口', location: '一楼A区3号' })).code;
  await buildItem({ code: 'GA-ID-01', name: '居民身份证换领', department, windows: [window], highFrequency: true, keywords: ['身份证', '换证'] });
  await buildItem({ code: 'GA-ID-02', name: '居民身份证补领', department, windows: [window], highFrequency: false });
  await buildItem({ code: 'GA-ID-03', name: '临时居民身份证办理', department, windows: [window], highFrequency: true, category: '公共服务' });
  await buildItem({ code: 'GA-HK-01', name: '户口迁移', department, windows: [window], keywords: ['落户'] });
  await buildItem({ code: 'GA-OLD', name: '已下架事项', department, windows: [window], published: false });
});
test.after.always(() => app.close());

const codes = (body: { items: { code: string }[] }) => body.items.map((i) => i.code);

test('GET /items › lists published items only, paginated', async (t) => {
  const res = await app.request('GET', `/api/v1/items?department=${department}&pageSize=2`);
  t.is(res.status, 200);
  t.is(res.body.total, 4);
  t.is(res.body.items.length, 2);
  t.deepEqual([res.body.page, res.body.pageSize], [1, 2]);
  t.false(codes((await app.request('GET', `/api/v1/items?department=${department}&pageSize=100`)).body).includes('GA-OLD'));
});

test('GET /items › q matches Chinese substrings, high-frequency first', async (t) => {
  const res = await app.request('GET', `/api/v1/items?q=${encodeURIComponent('身份证')}&department=${department}`);
  t.is(res.status, 200);
  t.deepEqual(codes(res.body), ['GA-ID-01', 'GA-ID-03', 'GA-ID-02']);
});

test('GET /items › an exact name match ranks first', async (t) => {
  const res = await app.request('GET', `/api/v1/items?q=${encodeURIComponent('居民身份证补领')}`);
  t.is(codes(res.body)[0], 'GA-ID-02');
});

test('GET /items › pinyin initials find items (sfz → 身份证)', async (t) => {
  const res = await app.request('GET', `/api/v1/items?q=sfz&department=${department}`);
  t.deepEqual(codes(res.body).sort(), ['GA-ID-01', 'GA-ID-02', 'GA-ID-03']);
  const moving = await app.request('GET', `/api/v1/items?q=hkqy`);
  t.deepEqual(codes(moving.body), ['GA-HK-01']);
});

test('GET /items › keywords match', async (t) => {
  const res = await app.request('GET', `/api/v1/items?q=${encodeURIComponent('落户')}`);
  t.deepEqual(codes(res.body), ['GA-HK-01']);
});

test('GET /items › filters by category and high frequency', async (t) => {
  const byCategory = await app.request('GET', `/api/v1/items?category=${encodeURIComponent('公共服务')}&department=${department}`);
  t.deepEqual(codes(byCategory.body), ['GA-ID-03']);
  const frequent = await app.request('GET', `/api/v1/items?highFrequency=true&department=${department}`);
  t.deepEqual(codes(frequent.body), ['GA-ID-01', 'GA-ID-03']);
});

test('GET /items/:code › returns the whole guide with department and windows resolved', async (t) => {
  const res = await app.request('GET', '/api/v1/items/GA-ID-01');
  t.is(res.status, 200);
  t.is(res.body.name, '居民身份证换领');
  t.deepEqual(res.body.department, { code: department, name: '县公安局' });
  t.is(res.body.windows[0].name, '公安综合窗口');
  t.is(res.body.windows[0].location, '一楼A区3号');
  t.is(res.body.fee.charged, false);
  t.is(res.body.fee.description, '不收费');
  for (const field of [
    'conditions',
    'materials',
    'process',
    'legalLimitDays',
    'promisedLimitDays',
    'hours',
    'helpline',
    'complaintLine',
    'visits',
    'onsiteReason',
    'faq',
    'legalBasis',
  ]) {
    t.true(field in res.body, `guide has ${field}`);
  }
  t.is(res.body.materials[0].form, '原件');
});

test('GET /items/:code › unknown and unpublished codes answer 404 NOT_FOUND', async (t) => {
  for (const code of ['NOPE', 'GA-OLD']) {
    const res = await app.request('GET', `/api/v1/items/${code}`);
    t.is(res.status, 404);
    t.is(res.body.error.code, 'NOT_FOUND');
    t.is(res.body.error.message, '事项不存在');
  }
});

test('GET /items › bad query values answer 400 VALIDATION_FAILED naming the field', async (t) => {
  for (const [query, field] of [
    ['pageSize=1000', 'query.pageSize'],
    ['page=0', 'query.page'],
    ['page=abc', 'query.page'],
    ['highFrequency=maybe', 'query.highFrequency'],
    ['category=nothing', 'query.category'],
    [`q=${'长'.repeat(60)}`, 'query.q'],
  ] as const) {
    const res = await app.request('GET', `/api/v1/items?${query}`);
    t.is(res.status, 400, query);
    t.is(res.body.error.code, 'VALIDATION_FAILED');
    t.truthy(res.body.error.details.fields[field], `${query} names ${field}`);
  }
});

test('GET /items › operator injection in the query is refused', async (t) => {
  const res = await app.request('GET', '/api/v1/items?department[$ne]=x');
  t.true(res.status === 400, `status ${res.status}`);
  t.is(res.body.error.code, 'VALIDATION_FAILED');
});

test('GET /departments › lists departments', async (t) => {
  const res = await app.request('GET', '/api/v1/departments');
  t.is(res.status, 200);
  t.true(res.body.items.some((d: { code: string; name: string }) => d.code === department && d.name === '县公安局'));
});
