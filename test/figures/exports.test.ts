// Excel exports of the figures and of the case register: sheets, headers, formats, masking by
// the reader's rights, scope, and an audit entry for every export.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { publishProgressJob } from '../../jobs/publish-progress.ts';
import { AuditLogModel } from '../../models/audit-log.ts';
import { config } from '../../server/config.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildDepartment, buildItem, buildStaff, buildWindow } from '../helpers/factories.ts';
import { insertCases } from '../publishing/fixtures.ts';
import { at, insertTicket, type Where } from './fixtures.ts';
import { cellsOf, column, download, load } from './workbook-helpers.ts';

const DAY = '2031-05-06';
let app: TestApp;
let x: Where;
let center: string;
let adminX: string;
let adminY: string;

test.before(async () => {
  app = await startTestApp();
  Object.assign(config, { PUBLISH_DIR: await mkdtemp(path.join(os.tmpdir(), 'onetrip-exports-')) });
  const department = (await buildDepartment()).code;
  const window = (await buildWindow(department)).code;
  x = { department, window, itemCode: (await buildItem({ department, windows: [window] })).code };
  const other = (await buildDepartment()).code;
  const otherItem = (await buildItem({ department: other })).code;
  await insertCases([
    { itemCode: x.itemCode, department, name: '张三丰', status: 'completed', acceptedDate: DAY, completedDate: DAY, onTime: true, onsiteVisits: 1 },
    { itemCode: x.itemCode, department, name: '杭州某某科技有限公司', company: true, status: 'accepted', acceptedDate: DAY },
    { itemCode: otherItem, department: other, name: '李四光', status: 'accepted', acceptedDate: DAY },
  ]);
  await insertTicket(x, DAY, 'walk_in', 4, 8);
  await publishProgressJob(app.caches).run(at(DAY, '18:00'));
  center = (await buildStaff('center_admin', null)).token;
  adminX = (await buildStaff('dept_admin', department)).token;
  adminY = (await buildStaff('dept_admin', other)).token;
});
test.after.always(() => app.close());

test.serial('exports › the figures workbook: a sheet per breakdown, Chinese headers, number formats, frozen header', async (t) => {
  const res = await download(app, `/api/v1/admin/exports/figures?period=day&from=${DAY}&to=${DAY}`, center);
  t.is(res.status, 200, res.text);
  const workbook = await load(res.buffer);
  t.deepEqual(
    workbook.worksheets.map((s) => s.name),
    ['中心', '部门', '事项', '窗口'],
  );
  const centre = workbook.getWorksheet('中心')!;
  t.like(centre.views[0], { state: 'frozen', ySplit: 1 });
  const rate = column(centre, '按时办结率');
  t.is(centre.getColumn(rate).numFmt, '0.0%');
  t.is(centre.getRow(2).getCell(rate).value, 1);
  t.is(centre.getRow(2).getCell(column(centre, '受理件数')).value, 3);
  const windows = workbook.getWorksheet('窗口')!;
  t.is(windows.getRow(2).getCell(column(windows, '平均等候（分钟）')).value, 4);
  const own = await load((await download(app, `/api/v1/admin/exports/figures?period=day&from=${DAY}&to=${DAY}`, adminX)).buffer);
  t.deepEqual(
    own.worksheets.map((s) => s.name),
    ['部门', '事项', '窗口'],
  );
  t.is(cellsOf(own)['部门']!.length, 2, 'header and the own department only');
  t.true((await AuditLogModel.countDocuments({ action: 'export', entityId: 'figures' })) >= 2);
});

test.serial('exports › the case register: masked for department admins, in full for a center admin with a purpose', async (t) => {
  const url = `/api/v1/admin/exports/cases?from=${DAY}&to=${DAY}`;
  const book = await load((await download(app, url, adminX)).buffer);
  const masked = cellsOf(book)['办件登记']!;
  t.is(masked.length, 3);
  const applicants = masked.slice(1).map((row) => row[4]);
  t.deepEqual([...applicants].sort(), ['张*丰', '杭州某某科技有限公司'].sort());
  const register = book.getWorksheet('办件登记')!;
  t.like(register.views[0], { state: 'frozen', ySplit: 1 });
  t.true(register.getRow(1).getCell(1).font?.bold);
  const visits = column(register, '到现场次数');
  t.is(register.getColumn(visits).numFmt, '0');
  const completed = register.getRow(2 + applicants.indexOf('张*丰'));
  t.is(completed.getCell(visits).value, 1);
  t.is(completed.getCell(visits).numFmt, '0');
  t.is(completed.getCell(column(register, '状态')).value, '已办结');
  t.is(completed.getCell(column(register, '按时办结')).value, '是');
  const full = cellsOf(await load((await download(app, `${url}&unmasked=true&purpose=${encodeURIComponent('核对办件登记簿')}`, center)).buffer))['办件登记']!;
  t.is(full.length, 4);
  t.true(full.some((row) => row[4] === '李四光'));
  t.is((await download(app, `${url}&unmasked=true&purpose=${encodeURIComponent('核对办件登记簿')}`, adminX)).status, 403);
  t.is((await download(app, `${url}&unmasked=true`, center)).status, 400);
  t.is(cellsOf(await load((await download(app, url, adminY)).buffer))['办件登记']!.length, 2);
  const audit = await AuditLogModel.findOne({ action: 'export', entityId: 'cases', purpose: '核对办件登记簿' }).lean();
  t.like(audit?.after, { unmasked: true, from: DAY });
});
