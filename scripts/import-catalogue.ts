// Imports a catalogue workbook (the layout of GET /api/v1/admin/exports/catalogue) for a center
// moving its spreadsheets in, with the same checks and audit as the upload route:
//   MONGODB_URI=… npx tsx scripts/import-catalogue.ts 事项清单.xlsx --as admin [--dry-run]
// `--as` names the staff account the changes are made (and audited) as; a department admin
// imports only their department's rows. Problems are printed per sheet, row and field; nothing
// is written while there are any. Exit code 1 when there were problems.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { StaffModel } from '../models/staff.ts';
import { config } from '../server/config.ts';
import { connectDatabase, disconnectDatabase } from '../server/db.ts';
import { AppError } from '../server/errors.ts';
import { createCatalogueCache } from '../services/catalogue/store.ts';
import { importCatalogue } from '../services/figures/catalogue-import.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { as: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
const file = positionals[0];
if (!file || !values.as || !config.MONGODB_URI) {
  console.error('usage: MONGODB_URI=… npx tsx scripts/import-catalogue.ts <workbook.xlsx> --as <staff username> [--dry-run]');
  process.exit(2);
}

/** One line redrawn in place on a terminal; silent when stderr is not one. */
function progressBar(done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} 个事项${done === total ? '\n' : ''}`);
}

await connectDatabase(config.MONGODB_URI, config.MONGODB_DB);
const catalogue = createCatalogueCache(config.CATALOGUE_REFRESH_MS);
let exitCode = 0;
try {
  const staff = await StaffModel.findOne({ username: values.as, active: true }).lean();
  if (!staff || (staff.role !== 'center_admin' && staff.role !== 'dept_admin')) throw new Error(`no active admin account ${values.as}`);
  await catalogue.start();
  const actor = { kind: 'staff' as const, id: String(staff._id), role: staff.role, department: staff.department ?? null, windows: staff.windows };
  const report = await importCatalogue(await readFile(file), { actor, dryRun: values['dry-run'], catalogue, onProgress: progressBar });
  for (const p of report.problems) console.error(`${p.sheet} 第 ${p.row} 行 ${p.field}: ${p.message}`);
  if (report.problems.length) exitCode = 1;
  for (const change of report.changes) {
    console.log(`${change.action === 'create' ? '新增' : '修改'} ${change.code}: ${change.changes.map((c) => c.label).join('、')}`);
  }
  console.log(
    JSON.stringify({
      dryRun: report.dryRun,
      applied: report.applied,
      items: report.items,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
    }),
  );
} catch (error) {
  exitCode = 1;
  const problems =
    error instanceof AppError ? (error.details?.problems as { sheet: string; row: number; field: string; message: string }[] | undefined) : undefined;
  if (problems) for (const p of problems) console.error(`${p.sheet} 第 ${p.row} 行 ${p.field}: ${p.message}`);
  console.error(error instanceof Error ? error.message : String(error));
} finally {
  catalogue.stop();
  await disconnectDatabase();
}
process.exit(exitCode);
