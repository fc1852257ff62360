// Reads a catalogue workbook (the export's layout) into one value per item, in the shape the
// catalogue schema checks, remembering which sheet row each value and list entry came from.
// Columns are found by their header, so reordered columns still read.
import type ExcelJS from 'exceljs';
import { badRequest } from '../../server/errors.ts';
import { loadExcel } from './xlsx.ts';
import { CHILD_SHEETS, ITEM_SHEET, cellValue, fromCell, itemFromSheets, type SheetLayout } from './catalogue-layout.ts';

export interface RowProblem {
  sheet: string;
  /** The row in the sheet (1 is the header). */
  row: number;
  code: string;
  /** The column header, in Chinese. */
  field: string;
  message: string;
}

export interface ReadItem {
  code: string;
  row: number;
  value: ReturnType<typeof itemFromSheets>;
  /** The sheet row of each list entry, by list. */
  listRows: Record<NonNullable<SheetLayout['list']>, number[]>;
}

type Row = { row: number; values: Record<string, unknown> };

/** The rows of a sheet as {key: value}; a missing sheet or column is a problem. */
function readSheet(workbook: ExcelJS.Workbook, layout: SheetLayout, problems: RowProblem[]): Row[] {
  const sheet = workbook.getWorksheet(layout.name);
  if (!sheet) {
    problems.push({ sheet: layout.name, row: 0, code: '', field: '', message: `缺少工作表「${layout.name}」` });
    return [];
  }
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => columns.set(String(cellValue(cell.value) ?? '').trim(), col));
  const missing = layout.fields.filter((field) => !columns.has(field.header));
  for (const field of missing) problems.push({ sheet: layout.name, row: 1, code: '', field: field.header, message: `缺少列「${field.header}」` });
  if (missing.length) return [];
  const rows: Row[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = Object.fromEntries(layout.fields.map((field) => [field.key, fromCell(field, row.getCell(columns.get(field.header)!).value)]));
    const blank = layout.fields.every((field) => {
      const v = cellValue(row.getCell(columns.get(field.header)!).value);
      return v === null || String(v).trim() === '';
    });
    if (!blank) rows.push({ row: number, values });
  });
  return rows;
}

/** The items of the workbook and what is wrong with its shape (duplicates, unknown codes). */
export async function readCatalogueWorkbook(buffer: Buffer): Promise<{ items: ReadItem[]; problems: RowProblem[] }> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    // exceljs declares an older Buffer type than @types/node's; the bytes are the same.
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw badRequest('WORKBOOK_INVALID', '不是有效的 Excel 工作簿（.xlsx）');
  }
  const problems: RowProblem[] = [];
  const items = new Map<string, { row: number; values: Record<string, unknown> }>();
  for (const { row, values } of readSheet(workbook, ITEM_SHEET, problems)) {
    const code = String(values.code ?? '');
    const first = items.get(code);
    if (first) problems.push({ sheet: ITEM_SHEET.name, row, code, field: '事项编码', message: `事项编码重复（与第 ${first.row} 行相同）` });
    else items.set(code, { row, values });
  }
  const lists = new Map<string, Record<string, Row[]>>();
  for (const layout of CHILD_SHEETS) {
    for (const entry of readSheet(workbook, layout, problems)) {
      const code = String(entry.values.code ?? '');
      if (!items.has(code)) {
        problems.push({ sheet: layout.name, row: entry.row, code, field: '事项编码', message: '事项编码不在「事项」表中' });
        continue;
      }
      const byList = lists.get(code) ?? {};
      (byList[layout.list!] ??= []).push(entry);
      lists.set(code, byList);
    }
  }
  const read: ReadItem[] = [...items].map(([code, { row, values }]) => {
    const byList = lists.get(code) ?? {};
    const entries = (list: NonNullable<SheetLayout['list']>) => byList[list] ?? [];
    const listRows = {
      materials: entries('materials').map((e) => e.row),
      process: entries('process').map((e) => e.row),
      feeItems: entries('feeItems').map((e) => e.row),
      faq: entries('faq').map((e) => e.row),
    };
    const value = itemFromSheets(values, {
      materials: entries('materials').map((e) => e.values),
      process: entries('process').map((e) => e.values),
      feeItems: entries('feeItems').map((e) => e.values),
      faq: entries('faq').map((e) => e.values),
    });
    return { code, row, value, listRows };
  });
  return { items: read, problems };
}
