// Workbook plumbing for the Excel tests: download an export, upload a workbook, read every cell.
import ExcelJS from 'exceljs';
import type { TestApp } from '../helpers/app.ts';

export async function download(app: TestApp, path: string, token: string) {
  const response = await fetch(`${app.baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  const buffer = Buffer.from(await response.arrayBuffer());
  return { status: response.status, type: response.headers.get('content-type') ?? '', buffer, text: buffer.toString('utf8').slice(0, 300) };
}

export async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

export const toBuffer = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

/** Every sheet's cell values, row by row (what a reader sees, formatting aside). */
export function cellsOf(workbook: ExcelJS.Workbook): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row, number) => (rows[number - 1] = (row.values as unknown[]).slice(1).map((v) => v ?? null)));
    out[sheet.name] = rows;
  });
  return out;
}

/** The column number of `header` on the sheet's first row. */
export function column(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, col) => {
    if (cell.value === header) found = col;
  });
  if (!found) throw new Error(`no column ${header} on ${sheet.name}`);
  return found;
}

/** The sheet row whose first cell is `code`. */
export function rowOf(sheet: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === code && !found) found = row;
  });
  if (!found) throw new Error(`no row ${code} on ${sheet.name}`);
  return found;
}

export async function upload(app: TestApp, path: string, token: string, buffer: Buffer) {
  const form = new FormData();
  form.set('file', new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), '事项清单.xlsx');
  return app.request('POST', path, { token, rawBody: form });
}
