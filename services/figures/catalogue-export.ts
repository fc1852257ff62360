// The catalogue as a workbook in the layout of catalogue-layout.ts: the one an import reads.
import type ExcelJS from 'exceljs';
import { DepartmentModel } from '../../models/department.ts';
import { ItemModel } from '../../models/item.ts';
import { WindowModel } from '../../models/window.ts';
import { CHILD_SHEETS, ITEM_SHEET, REFERENCE_SHEETS, sheetsFromItem, toCell, type SheetLayout } from './catalogue-layout.ts';
import { addSheet, loadExcel } from './xlsx.ts';

function writeRows(sheet: ExcelJS.Worksheet, layout: SheetLayout, rows: Record<string, unknown>[]) {
  for (const row of rows) sheet.addRow(layout.fields.map((field) => toCell(field, row[field.key])));
}

/** Every item (of `department` only, for a department admin) with the departments and windows for reference. */
export async function catalogueWorkbook(department?: string): Promise<ExcelJS.Workbook> {
  const scope = department ? { department } : {};
  const [items, departments, windows] = await Promise.all([
    ItemModel.find(scope).sort({ code: 1 }).lean(),
    DepartmentModel.find(department ? { code: department } : {})
      .sort({ code: 1 })
      .lean(),
    WindowModel.find(scope).sort({ code: 1 }).lean(),
  ]);
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'OneTrip';
  const itemSheet = addSheet(workbook, ITEM_SHEET.name, ITEM_SHEET.fields);
  const children = CHILD_SHEETS.map((layout) => ({ layout, sheet: addSheet(workbook, layout.name, layout.fields) }));
  for (const item of items) {
    const { row, lists } = sheetsFromItem(item);
    writeRows(itemSheet, ITEM_SHEET, [row]);
    for (const { layout, sheet } of children) writeRows(sheet, layout, lists[layout.list!]);
  }
  const departmentSheet = addSheet(workbook, REFERENCE_SHEETS.departments, [
    { header: '部门编码', key: 'code', width: 12 },
    { header: '部门名称', key: 'name', width: 30 },
  ]);
  for (const d of departments) departmentSheet.addRow([d.code, d.name]);
  const windowSheet = addSheet(workbook, REFERENCE_SHEETS.windows, [
    { header: '窗口编码', key: 'code', width: 12 },
    { header: '窗口名称', key: 'name', width: 24 },
    { header: '部门编码', key: 'department', width: 12 },
    { header: '位置', key: 'location', width: 24 },
  ]);
  for (const w of windows) windowSheet.addRow([w.code, w.name, w.department, w.location]);
  return workbook;
}
