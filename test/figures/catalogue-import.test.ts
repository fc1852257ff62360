// The catalogue workbook round trip: export → edit one cell → the dry run shows exactly that
// change → apply → export again equals the edited file; what is wrong is reported per row and
// field in Chinese; department admins import only their own rows.
import test from 'ava';
import { AuditLogModel } from '../../models/audit-log.ts';
import { ItemModel } from '../../models/item.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildDepartment, buildItem, buildStaff, buildWindow, suffix } from '../helpers/factories.ts';
import { cellsOf, column, download, load, rowOf, toBuffer, upload } from './workbook-helpers.ts';

let app: TestApp;
let center: string;
let adminX: string;
let adminY: string;
let deptX: string;
let itemA: string;
let itemB: string;
const EXPORT = '/api/v1/admin/exports/catalogue';
const IMPORT = '/api/v1/admin/imports/catalogue';

test.before(async () => {
  app = await startTestApp();
  deptX = (await buildDepartment()).code;
  const deptY = (await buildDepartment()).code;
  const windowX = (await buildWindow(deptX)).code;
  itemA = (await buildItem({ department: deptX, windows: [windowX], code: `A${suffix()}` })).code;
  itemB = (
    await buildItem({ department: deptX, windows: [windowX], code: `B${suffix()}`, fee: { charged: true, items: [{ name: '工本费', amountFen: 1050 }] } })
  ).code;
  await buildItem({ department: deptY });
  center = (await buildStaff('center_admin', null)).token;
  adminX = (await buildStaff('dept_admin', deptX)).token;
  adminY = (await buildStaff('dept_admin', deptY)).token;
});
test.after.always(() => app.close());

test.serial('catalogue workbook › round trip: one edited cell is exactly the change, applied once, exported back', async (t) => {
  const exported = await download(app, EXPORT, center);
  t.is(exported.status, 200, exported.text);
  t.regex(exported.type, /spreadsheetml/);
  const workbook = await load(exported.buffer);
  const items = workbook.getWorksheet('事项')!;
  t.like(items.views[0], { state: 'frozen', ySplit: 1 });
  t.true(items.getRow(1).font?.bold);
  t.is(workbook.getWorksheet('收费项目')!.getRow(2).getCell(3).value, 10.5);
  const promised = rowOf(items, itemA).getCell(column(items, '承诺时限（工作日）'));
  t.is(promised.value, 5);
  promised.value = 3;
  const edited = await toBuffer(workbook);

  const dry = await upload(app, `${IMPORT}?dryRun=true`, center, edited);
  t.is(dry.status, 200, dry.text);
  t.deepEqual(dry.body.problems, []);
  t.deepEqual(dry.body.changes, [
    { code: itemA, action: 'update', changes: [{ field: 'promisedLimitDays', label: '承诺时限（工作日）', before: 5, after: 3 }] },
  ]);
  t.like(dry.body, { dryRun: true, applied: false, updated: 1, created: 0, unchanged: 2 });
  t.is((await ItemModel.findOne({ code: itemA }).lean())!.promisedLimitDays, 5, 'a dry run writes nothing');

  const applied = await upload(app, IMPORT, center, edited);
  t.is(applied.status, 200, applied.text);
  t.like(applied.body, { applied: true, updated: 1 });
  t.is((await ItemModel.findOne({ code: itemA }).lean())!.promisedLimitDays, 3);
  t.is(await AuditLogModel.countDocuments({ entity: 'item', entityId: itemA, action: 'update' }), 1);
  const again = await upload(app, IMPORT, center, edited);
  t.like(again.body, { applied: true, updated: 0, created: 0, unchanged: 3 });
  t.is(await AuditLogModel.countDocuments({ entity: 'item', entityId: itemA, action: 'update' }), 1, 'applying twice changes nothing');

  const reexported = await load((await download(app, EXPORT, center)).buffer);
  t.deepEqual(cellsOf(reexported), cellsOf(await load(edited)));
  t.true((await AuditLogModel.countDocuments({ action: 'export', entityId: 'catalogue' })) >= 2);
});

test.serial('catalogue workbook › a new item is created, with its materials from the child sheet', async (t) => {
  const workbook = await load((await download(app, EXPORT, center)).buffer);
  const items = workbook.getWorksheet('事项')!;
  const code = `N${suffix()}`;
  items.addRow((rowOf(items, itemA).values as unknown[]).slice(1).map((v, i) => (i === 0 ? code : i === 1 ? '新事项' : v)));
  const materials = workbook.getWorksheet('申请材料')!;
  materials.addRow((rowOf(materials, itemA).values as unknown[]).slice(1).map((v, i) => (i === 0 ? code : v)));
  const dry = await upload(app, `${IMPORT}?dryRun=true`, center, await toBuffer(workbook));
  t.deepEqual(dry.body.problems, []);
  t.is(dry.body.changes.length, 1);
  t.like(dry.body.changes[0], { code, action: 'create' });
  const applied = await upload(app, IMPORT, center, await toBuffer(workbook));
  t.is(applied.status, 200, applied.text);
  const created = await ItemModel.findOne({ code }).lean();
  t.is(created?.name, '新事项');
  t.is(created?.materials.length, 1);
  t.is(await AuditLogModel.countDocuments({ entity: 'item', entityId: code, action: 'create' }), 1);
});

test.serial('catalogue workbook › what is wrong, per row and field, in Chinese; nothing applied', async (t) => {
  const workbook = await load((await download(app, EXPORT, center)).buffer);
  const items = workbook.getWorksheet('事项')!;
  const a = rowOf(items, itemA);
  a.getCell(column(items, '部门编码')).value = 'NOPE';
  const b = rowOf(items, itemB);
  b.getCell(column(items, '承诺时限（工作日）')).value = 99;
  items.addRow((b.values as unknown[]).slice(1));
  const materials = workbook.getWorksheet('申请材料')!;
  materials.getRow(2).getCell(column(materials, '材料名称')).value = '';
  const buffer = await toBuffer(workbook);
  const dry = await upload(app, `${IMPORT}?dryRun=true`, center, buffer);
  t.is(dry.status, 200, dry.text);
  const said = dry.body.problems.map((p: { sheet: string; row: number; field: string; message: string }) => `${p.sheet}:${p.row}:${p.field}:${p.message}`);
  t.true(said.includes(`事项:${a.number}:部门编码:部门不存在`), said.join('\n'));
  t.true(said.includes(`事项:${b.number}:承诺时限（工作日）:承诺时限不能超过法定时限`), said.join('\n'));
  t.true(
    said.some((s: string) => s.startsWith(`事项:${items.rowCount}:事项编码:事项编码重复`)),
    said.join('\n'),
  );
  t.true(
    said.some((s: string) => s.startsWith('申请材料:2:材料名称:')),
    said.join('\n'),
  );
  const applied = await upload(app, IMPORT, center, buffer);
  t.is(applied.status, 400);
  t.is(applied.body.error.code, 'IMPORT_INVALID');
  t.is((await ItemModel.findOne({ code: itemB }).lean())!.promisedLimitDays, 5);
  const junk = await upload(app, `${IMPORT}?dryRun=true`, center, Buffer.from('not a workbook'));
  t.is(junk.status, 400);
  t.is(junk.body.error.code, 'WORKBOOK_INVALID');
});

test.serial('catalogue workbook › a department admin exports and imports only their own department', async (t) => {
  const own = await load((await download(app, EXPORT, adminX)).buffer);
  const itemRows = cellsOf(own)['事项'] ?? [];
  const codes = itemRows.slice(1).map((row) => row[0]);
  t.true(codes.includes(itemA));
  t.true(codes.every((code) => (code as string).length > 0));
  t.is(await ItemModel.countDocuments({ code: { $in: codes as string[] }, department: { $ne: deptX } }), 0);
  const everything = await download(app, EXPORT, center);
  const dry = await upload(app, `${IMPORT}?dryRun=true`, adminY, everything.buffer);
  t.is(dry.status, 200, dry.text);
  const refused = dry.body.problems.filter((p: { message: string }) => p.message === '只能导入本部门的事项');
  t.true(refused.some((p: { code: string }) => p.code === itemA));
  t.is((await upload(app, IMPORT, adminY, everything.buffer)).status, 400);
  t.is((await download(app, EXPORT, (await buildStaff('window', deptX)).token)).status, 403);
});
