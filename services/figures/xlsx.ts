// What every workbook OneTrip writes shares: the media type, a bold frozen header row, and
// columns described once (header, key, width, number format).
import type ExcelJS from 'exceljs';

let excel: Promise<typeof ExcelJS> | undefined;
/** exceljs, loaded on first use: it is some 35 MB once loaded, and only exports and imports need it. */
export const loadExcel = (): Promise<typeof ExcelJS> => (excel ??= import('exceljs').then((loaded) => loaded.default));

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

/**
 * Gives a streamed row, and each of its cells, one shared style object (the cells their column's).
 * exceljs hands each new row an empty style and each new cell its own copy of its column's
 * style, and the streaming writer then renders every copy to XML to look up its style id: nearly
 * half of what the case register export allocated. The writer remembers ids per style object,
 * so rows and cells sharing one object are looked up once. The objects are frozen: a cell's style
 * may not be changed through them (it would change the column's). Each column must hold one kind
 * of value (text, or numbers under a format), which the looked-up id then fits for every row.
 */
export function columnStyler(columns: Column[]): (row: ExcelJS.Row) => void {
  const styles: Partial<ExcelJS.Style>[] = columns.map(({ numFmt }) => Object.freeze(numFmt ? { numFmt } : {}));
  const rowStyle: Partial<ExcelJS.Style> = Object.freeze({});
  return (row) => {
    Object.assign(row, { style: rowStyle }); // a Row has a style; exceljs's types leave it out
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const style = styles[column - 1];
      if (style) cell.style = style;
    });
  };
}

/** `Content-Disposition` for a download named in Chinese. */
export const attachment = (filename: string) => `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;
