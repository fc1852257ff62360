// Search that forgives what citizens really type: the short words (社保卡, 公积金, 不动产) and
// their initials, any reading of a polyphonic character, and department codes in any case.
import test from 'ava';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildDepartment, buildItem, buildWindow } from '../helpers/factories.ts';

let app: TestApp;
let department: string;

test.before(async () => {
  app = await startTestApp();
  department = (await buildDepartment({ name: '县人力资源和社会保障局' })).code;
  const window = (await buildWindow(department)).code;
  const item = (code: string, name: string, keywords: string[] = []) => buildItem({ code, name, department, windows: [window], keywords });
  await item('FS-SBK-1', '社会保障卡补领（补换卡）');
  await item('FS-SBK-2', '社会保障卡申领', ['办卡']);
  await item('FS-GJJ', '住房公积金提取（租房）');
  await item('FS-BDC', '不动产抵押登记');
  await item('FS-BANK', '银行开户证明开具');
  await item('FS-FILE', '人事档案调取');
  await item('FS-AGAIN', '重新申领证明');
  await item('FS-LONG', '长期居住证明办理');
  await item('FS-DIBAO', '最低生活保障申请', ['救助']);
});
test.after.always(() => app.close());

const search = async (q: string, extra = '') => {
  const res = await app.request('GET', `/api/v1/items?q=${encodeURIComponent(q)}&department=${department}&pageSize=100${extra}`);
  return { status: res.status, codes: (res.body.items ?? []).map((i: { code: string }) => i.code) as string[] };
};

test('GET /items › common abbreviations and their initials find the items', async (t) => {
  for (const q of ['sbk', 'SBK', '社保卡']) t.deepEqual((await search(q)).codes.sort(), ['FS-SBK-1', 'FS-SBK-2'], q);
  for (const q of ['gjj', '公积金']) t.deepEqual((await search(q)).codes, ['FS-GJJ'], q);
  for (const q of ['bdc', '不动产']) t.deepEqual((await search(q)).codes, ['FS-BDC'], q);
  for (const q of ['db', '低保']) t.true((await search(q)).codes.includes('FS-DIBAO'), q);
});

test('GET /items › a polyphonic character is found by each of its readings', async (t) => {
  const readings: [string, string[]][] = [
    ['FS-BANK', ['yinhang', 'yinxing', 'yhkh', 'yxkh']], // 行 háng / xíng
    ['FS-FILE', ['dangandiaoqu', 'dangantiaoqu', 'dadq', 'datq']], // 调 diào / tiáo
    ['FS-AGAIN', ['chongxin', 'zhongxin', 'cxsl', 'zxsl']], // 重 chóng / zhòng
    ['FS-LONG', ['changqi', 'zhangqi', 'cqjz', 'zqjz']], // 长 cháng / zhǎng
  ];
  for (const [code, queries] of readings) {
    for (const q of queries) t.true((await search(q)).codes.includes(code), `${q} finds ${code}`);
  }
});

test('GET /items › the reading in context ranks before other readings and before keywords', async (t) => {
  const { codes } = await search('ban');
  // 办卡 (keyword of FS-SBK-2) and 办理 (name of FS-LONG): the name comes first.
  t.true(codes.indexOf('FS-LONG') < codes.indexOf('FS-SBK-2'), codes.join(','));
  t.deepEqual((await search('qqq')).codes, []);
});

test('GET /items › the department filter takes a code in any case', async (t) => {
  const lower = await app.request('GET', `/api/v1/items?department=${department.toLowerCase()}&pageSize=100`);
  t.is(lower.status, 200);
  t.is(lower.body.total, 9);
  const upper = await app.request('GET', `/api/v1/items?department=${department}&pageSize=100`);
  t.deepEqual(lower.body.items, upper.body.items);
});

test('GET /items › an unknown department code answers 400 naming it', async (t) => {
  const res = await app.request('GET', '/api/v1/items?department=NO-SUCH-DEPT');
  t.is(res.status, 400);
  t.is(res.body.error.code, 'VALIDATION_FAILED');
  t.regex(res.body.error.details.fields['query.department'], /NO-SUCH-DEPT/);
  const empty = await app.request('GET', '/api/v1/items?department=&pageSize=1');
  t.is(empty.status, 200, 'an empty filter is no filter');
});
