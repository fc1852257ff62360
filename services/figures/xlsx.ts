// What every workbook OneTrip writes shares: the media type, a bold frozen header row, and
// columns described once (header, key, width, number format).
import ExcelJS from 'exceljs';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PERCENT = '0.0%';
export const DECIMAL = '0.0';
export const INTEGER = '0';

export interface Column {
  header: string;
  key: string;
  width?: number;
  numFmt?: string;
}

/** Exceljs's workbook types (the in-memory one and the streaming writer) share addWorksheet. */
type AnyWorkbook = ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter;

/** A sheet whose first row is the bold header, frozen when scrolling. */
export function addSheet(workbook: AnyWorkbook, name: string, columns: Column[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(({ header, key, width, numFmt }) => ({
    header,
    key,
    width: width ?? Math.max(10, header.length * 2 + 2),
    ...(numFmt ? { style: { numFmt } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

/** `Content-Disposition` for a download named in Chinese. */
export const attachment = (filename: string) => `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;
