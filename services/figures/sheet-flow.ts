// Backpressure for exceljs's streaming worksheet. The sheet writes its XML into an exceljs
// StreamBuf, which never says "wait": it hands each full 64 KB chunk on to the PassThrough that
// archiver puts in front of the zip's deflater, whatever that PassThrough already holds, so when
// rows come faster than zlib compresses them the XML queues there without bound (half a
// megabyte in the 100,000-case benchmark, more on a busier machine). That PassThrough is the
// real buffering point, so it is the one to wait on. The HTTP response behind the zip only fills
// when the reader is slow, and then the deflater stops reading and this PassThrough fills in
// turn; waiting on the response itself, as the export did, left the queue in front unbounded.
import { EventEmitter, once } from 'node:events';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';

export interface SheetFlow {
  /** True when the deflater's input holds more than it wants: wait before writing more rows. */
  readonly full: boolean;
  /** Resolves when the deflater's input has drained, or `output` has closed (the reader left). */
  drained(output: Writable): Promise<void>;
}

/** The deflater input of `sheet` and whether it wants no more for now (exceljs 4 / archiver 5 internals; a test pins them). */
function deflaterInput(sheet: ExcelJS.Worksheet): { input: EventEmitter; needsDrain: () => boolean } | undefined {
  const buffer: unknown = Reflect.get(sheet, 'stream');
  const pipes: unknown = typeof buffer === 'object' && buffer !== null ? Reflect.get(buffer, 'pipes') : undefined;
  const input: unknown = Array.isArray(pipes) && pipes.length === 1 ? pipes[0] : undefined;
  if (!(input instanceof EventEmitter)) return undefined;
  const state: unknown = Reflect.get(input, '_writableState');
  if (typeof state !== 'object' || state === null || typeof Reflect.get(state, 'needDrain') !== 'boolean') return undefined;
  return { input, needsDrain: () => Reflect.get(state, 'needDrain') === true };
}

/** The flow of a streaming worksheet's rows into the zip; throws if exceljs no longer looks as expected. */
export function sheetFlow(sheet: ExcelJS.Worksheet): SheetFlow {
  const found = deflaterInput(sheet);
  if (!found) throw new Error('exceljs streaming worksheet: no deflater input to wait on (exceljs or archiver changed)');
  const { input, needsDrain } = found;
  return {
    get full() {
      return needsDrain();
    },
    async drained(output) {
      if (!needsDrain() || output.destroyed) return;
      const settled = new AbortController();
      const { signal } = settled;
      try {
        await Promise.race([once(input, 'drain', { signal }), once(output, 'close', { signal })]);
      } finally {
        settled.abort(); // drops the listener of the one that did not happen
      }
    },
  };
}
