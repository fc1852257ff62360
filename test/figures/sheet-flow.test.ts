// The streamed workbook's plumbing without a database: rows wait for the zip's deflater when the
// reader stalls (so memory stays bounded), stop waiting when the reader goes away, and sharing
// style objects between cells changes nothing in the workbook.
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import test from 'ava';
import ExcelJS from 'exceljs';
import { sheetFlow } from '../../services/figures/sheet-flow.ts';
import { addSheet, columnStyler, INTEGER, type Column } from '../../services/figures/xlsx.ts';
import { load } from './workbook-helpers.ts';

const COLUMNS: Column[] = [
  { header: '编号', key: 'id', width: 26 },
  { header: '名称', key: 'name' },
  { header: '次数', key: 'count', numFmt: INTEGER },
  { header: '评分', key: 'score', numFmt: INTEGER },
];
// Hashes, so the zip cannot shrink the rows to nearly nothing: its buffers (some 2 MB) fill
// after a few tens of thousands of them.
const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const rowValues = (i: number) => ({ id: hash(`id${i}`), name: `事项${hash(`name${i}`)}`, count: i % 5, score: i % 3 ? null : i % 6 });

function streamedSheet(output: PassThrough) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  return { workbook, sheet: addSheet(workbook, '登记', COLUMNS) };
}

/** Resolves once `progress()` has not moved for `quietMs`. */
async function stalled(progress: () => number, quietMs = 300): Promise<void> {
  let last = -1;
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    await sleep(25);
    if (progress() !== last) [last, since] = [progress(), Date.now()];
  }
}

/** Writes up to `limit` rows, waiting on the flow as the register export does; stops when `output` is gone. */
async function produce(output: PassThrough, limit: number, counter: { rows: number }) {
  const { workbook, sheet } = streamedSheet(output);
  const flow = sheetFlow(sheet);
  for (let i = 0; i < limit; i += 1) {
    sheet.addRow(rowValues(i)).commit();
    counter.rows += 1;
    if (flow.full) await flow.drained(output);
    if (output.destroyed) return;
  }
  sheet.commit();
  await workbook.commit();
}

test('sheet flow › a stalled reader stops the rows after a bounded amount; reading again lets them all through', async (t) => {
  const LIMIT = 60_000;
  const output = new PassThrough(); // nobody reads it yet
  const counter = { rows: 0 };
  const done = produce(output, LIMIT, counter);
  await stalled(() => counter.rows);
  const held = counter.rows;
  t.true(held < LIMIT / 2, `the writer went on to row ${held} with nobody reading`);
  t.true(output.readableLength <= output.readableHighWaterMark * 2, 'what waits for the reader stays near its buffer size');
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await done;
  t.is(counter.rows, LIMIT);
  const sheet = (await load(Buffer.concat(chunks))).getWorksheet('登记')!;
  t.is(sheet.rowCount, LIMIT + 1);
  t.is(sheet.getRow(LIMIT + 1).getCell(1).value, rowValues(LIMIT - 1).id);
});

test('sheet flow › when the reader goes away, the waiting writer is released and stops', async (t) => {
  const output = new PassThrough();
  const counter = { rows: 0 };
  const done = produce(output, 60_000, counter);
  await stalled(() => counter.rows);
  const held = counter.rows;
  output.destroy();
  await done;
  t.is(counter.rows, held, 'no row was written after the reader left');
});

test('sheet flow › refuses a worksheet it cannot wait on rather than streaming without backpressure', (t) => {
  const sheet = new ExcelJS.Workbook().addWorksheet('in memory');
  t.throws(() => sheetFlow(sheet), { message: /no deflater input/ });
});

test('column styler › shared style objects give the same cells, values and number formats as exceljs’s own copies', async (t) => {
  const write = async (styled: boolean) => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const { workbook, sheet } = streamedSheet(output);
    const styleRow = columnStyler(COLUMNS);
    for (let i = 0; i < 50; i += 1) {
      const row = sheet.addRow(rowValues(i));
      if (styled) styleRow(row);
      row.commit();
    }
    sheet.commit();
    await workbook.commit();
    return load(Buffer.concat(chunks));
  };
  const cells = (workbook: ExcelJS.Workbook) => {
    const out: unknown[] = [];
    workbook
      .getWorksheet('登记')!
      .eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => out.push([cell.address, cell.value, cell.numFmt ?? null, cell.font?.bold ?? false])),
      );
    return out;
  };
  const [plain, styled] = await Promise.all([write(false), write(true)]);
  t.deepEqual(cells(styled), cells(plain));
  const sheet = styled.getWorksheet('登记')!;
  t.is(sheet.getRow(2).getCell(3).numFmt, INTEGER);
  t.true(sheet.getRow(1).getCell(3).font?.bold);
  t.like(sheet.views[0], { state: 'frozen', ySplit: 1 });
});
