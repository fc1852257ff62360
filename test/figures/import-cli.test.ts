// scripts/import-catalogue.ts: the same import from a file, run as a center moving in would.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import test from 'ava';
import mongoose from 'mongoose';
import { AuditLogModel } from '../../models/audit-log.ts';
import { ItemModel } from '../../models/item.ts';
import { catalogueWorkbook } from '../../services/figures/catalogue-export.ts';
import { connectTestDatabase } from '../helpers/app.ts';
import { buildItem, buildStaff } from '../helpers/factories.ts';
import { column, rowOf, toBuffer } from './workbook-helpers.ts';

const run = promisify(execFile);
let dbName: string;
test.before(async () => {
  dbName = await connectTestDatabase();
});
test.after.always(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
});

test('import CLI › dry run reports, the import applies and audits, exit code 1 on problems', async (t) => {
  const item = await buildItem();
  const admin = await buildStaff('center_admin', null);
  const workbook = await catalogueWorkbook();
  const items = workbook.getWorksheet('事项')!;
  rowOf(items, item.code).getCell(column(items, '办理时间')).value = '工作日 8:30-17:30';
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'onetrip-import-')), '事项清单.xlsx');
  await writeFile(file, await toBuffer(workbook));
  const env = { ...process.env, MONGODB_DB: dbName, ENV_FILE: '', NODE_ENV: 'test' };
  const cli = (...args: string[]) => run(process.execPath, ['--import=tsx', 'scripts/import-catalogue.ts', file, '--as', admin.username, ...args], { env });

  const dry = await cli('--dry-run');
  t.regex(dry.stdout, new RegExp(`修改 ${item.code}: 办理时间`));
  t.is((await ItemModel.findOne({ code: item.code }).lean())!.hours, item.hours);
  await cli();
  t.is((await ItemModel.findOne({ code: item.code }).lean())!.hours, '工作日 8:30-17:30');
  t.is(await AuditLogModel.countDocuments({ entity: 'item', entityId: item.code, action: 'update', 'actor.id': admin.id }), 1);

  rowOf(items, item.code).getCell(column(items, '部门编码')).value = 'NOPE';
  await writeFile(file, await toBuffer(workbook));
  const failed = await cli().catch((error: { code: number; stderr: string }) => error);
  t.is((failed as { code: number }).code, 1);
  t.regex((failed as { stderr: string }).stderr, /事项 第 2 行 部门编码: 部门不存在/);
});
