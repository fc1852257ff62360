// The case register (办件登记簿) of a period as a streamed workbook: the cases accepted in
// [from, to], read through a cursor and written row by row with exceljs's streaming writer, so
// memory stays flat whatever the number of cases. Applicants are masked unless the reader is a
// center admin who stated a purpose (the export's audit entry records it).
import type { Writable } from 'node:stream';
import { ApplicationModel, type Application } from '../../models/application.ts';
import { DepartmentModel } from '../../models/department.ts';
import { ItemModel } from '../../models/item.ts';
import { applicantNameOf } from '../pii/applicant.ts';
import { sheetFlow } from './sheet-flow.ts';
import { addSheet, columnStyler, INTEGER, loadExcel, type Column } from './xlsx.ts';

const STATUS_TEXT: Record<string, string> = { accepted: '已受理', completed: '已办结' };
const COLUMNS: Column[] = [
  { header: '办件编号', key: 'id', width: 26 },
  { header: '事项编码', key: 'itemCode', width: 14 },
  { header: '事项名称', key: 'itemName', width: 36 },
  { header: '部门', key: 'department', width: 20 },
  { header: '申请人', key: 'applicant', width: 20 },
  { header: '状态', key: 'status', width: 8 },
  { header: '受理日期', key: 'acceptedDate', width: 12 },
  { header: '办结期限', key: 'deadline', width: 12 },
  { header: '办结日期', key: 'completedDate', width: 12 },
  { header: '按时办结', key: 'onTime', width: 10 },
  { header: '到现场次数', key: 'onsiteVisits', numFmt: INTEGER },
  { header: '评价分', key: 'evaluationScore', numFmt: INTEGER },
];

const FIELDS = [
  'itemCode',
  'department',
  'status',
  'applicantNameEnc',
  'applicantIsCompany',
  'acceptedDate',
  'deadline',
  'completedDate',
  'onTime',
  'onsiteVisits',
  'evaluationScore',
] as const;
const PROJECTION = Object.fromEntries(FIELDS.map((field) => [field, 1]));
/**
 * Cases per cursor batch. A batch (the driver's reply and its decoded documents) lives until its
 * last row is written, and writing a row allocates tens of kilobytes of short-lived garbage in
 * exceljs: at 500 rows a batch outlived several young-generation collections, so every batch
 * was promoted to the old generation, which V8 lets grow far before collecting it. Peak RSS
 * then grew with the number of cases (374 MB at 100,000). A batch of 100 dies young.
 */
const BATCH = 100;

type RegisterRow = Pick<Application, (typeof FIELDS)[number]> & { _id: unknown };

export interface RegisterQuery {
  from: string;
  to: string;
  /** Only this department's cases (a department admin's). */
  department?: string;
  /** Show applicants' names in full (a center admin with a stated purpose). */
  unmasked: boolean;
}

/** The register's filter: accepted in the period (on the acceptedDate index), within scope. */
export const registerFilter = ({ from, to, department }: RegisterQuery) => ({
  acceptedDate: { $gte: from, $lte: to },
  ...(department ? { department } : {}),
});

/** Writes the register to `stream` (ending it); returns the number of cases written. */
export async function writeRegister(query: RegisterQuery, stream: Writable): Promise<number> {
  const [items, departments] = await Promise.all([ItemModel.find({}, 'code name').lean(), DepartmentModel.find({}, 'code name').lean()]);
  const itemNames = new Map(items.map((i) => [i.code, i.name]));
  const departmentNames = new Map(departments.map((d) => [d.code, d.name]));
  const workbook = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = addSheet(workbook, '办件登记', COLUMNS);
  const flow = sheetFlow(sheet);
  const styleRow = columnStyler(COLUMNS);
  let rows = 0;
  // The driver's cursor, not mongoose's: no per-row hydration, so less garbage per row.
  const cursor = ApplicationModel.collection.find<RegisterRow>(registerFilter(query), {
    projection: PROJECTION,
    sort: { acceptedDate: 1 },
    batchSize: BATCH,
  });
  for await (const c of cursor) {
    const row = sheet.addRow({
      id: String(c._id),
      itemCode: c.itemCode,
      itemName: itemNames.get(c.itemCode) ?? '',
      department: departmentNames.get(c.department) ?? c.department,
      applicant: applicantNameOf(c.applicantNameEnc, c.applicantIsCompany, { unmasked: query.unmasked }) ?? '',
      status: STATUS_TEXT[c.status] ?? c.status,
      acceptedDate: c.acceptedDate ?? '',
      deadline: c.deadline ?? '',
      completedDate: c.completedDate ?? '',
      onTime: c.onTime == null ? '' : c.onTime ? '是' : '否',
      onsiteVisits: c.onsiteVisits ?? null,
      evaluationScore: c.evaluationScore ?? null,
    });
    styleRow(row);
    row.commit();
    rows += 1;
    if (flow.full) await flow.drained(stream); // the zip's deflater (and behind it the reader) catches up
    if (stream.destroyed) return rows; // the reader went away: stop reading cases for nobody
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}
