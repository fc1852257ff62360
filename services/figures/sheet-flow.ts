// Backpressure for exceljs's streaming worksheet. The sheet writes its XML into an exceljs
// StreamBuf, which never says "wait": it hands each full 64 KB chunk to the PassThrough that
// archiver puts in front of the zip's deflater, whatever that already holds, and zlib then holds
// the chunk while it compresses it on the thread pool. Rows written meanwhile allocate garbage,
// young-generation collections run, and the waiting chunks (with everything alive around them)
// age into V8's old generation, where they stay until a full collection; the young generation
// grows too: 100,000 register rows through exceljs alone took 25 MB more RSS so. Waiting until the
// deflater has taken and compressed each chunk (its 'drain') keeps chunks young. The HTTP
// response behind the zip only fills when the reader is slow, and then zlib stops and the wait
// lasts until the reader catches up; waiting on the response itself, as the export did, left
// everything in front of it unbounded.
import { EventEmitter, once } from 'node:events';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';

export interface SheetFlow {
  /** True when the deflater (or the PassThrough in front of it) holds a chunk: wait before writing more rows. */
  readonly full: boolean;
  /** Resolves when the deflater has compressed what it holds, or `output` has closed (the reader left). */
  drained(output: Writable): Promise<void>;
}

const field = (from: unknown, name: string): unknown => (typeof from === 'object' && from !== null ? Reflect.get(from, name) : undefined);
const needsDrain = (stream: EventEmitter) => field(field(stream, '_writableState'), 'needDrain') === true;

/** The PassThrough archiver pipes the sheet into (exceljs 4 / archiver 5 internals; a test pins them). */
function deflaterInput(sheet: ExcelJS.Worksheet): EventEmitter | undefined {
  const pipes = field(sheet, 'stream') && field(field(sheet, 'stream'), 'pipes');
  const input: unknown = Array.isArray(pipes) && pipes.length === 1 ? pipes[0] : undefined;
  if (!(input instanceof EventEmitter) || typeof field(field(input, '_writableState'), 'needDrain') !== 'boolean') return undefined;
  return input;
}

/** The deflater that input is piped into, once archiver has reached the sheet's entry. */
function deflaterOf(input: EventEmitter): EventEmitter | undefined {
  const pipes = field(field(input, '_readableState'), 'pipes');
  const deflater: unknown = Array.isArray(pipes) ? pipes[0] : pipes;
  return deflater instanceof EventEmitter ? deflater : undefined;
}

/** The flow of a streaming worksheet's rows into the zip; throws if exceljs no longer looks as expected. */
export function sheetFlow(sheet: ExcelJS.Worksheet): SheetFlow {
  const input = deflaterInput(sheet);
  if (!input) throw new Error('exceljs streaming worksheet: no deflater input to wait on (exceljs or archiver changed)');
  const waitingOn = () => {
    const deflater = deflaterOf(input);
    if (deflater && needsDrain(deflater)) return deflater;
    return needsDrain(input) ? input : undefined;
  };
  return {
    get full() {
      return waitingOn() !== undefined;
    },
    async drained(output) {
      for (let stage = waitingOn(); stage && !output.destroyed; stage = waitingOn()) {
        const settled = new AbortController();
        const { signal } = settled;
        try {
          await Promise.race([once(stage, 'drain', { signal }), once(output, 'close', { signal })]);
        } finally {
          settled.abort(); // drops the listener of the one that did not happen
        }
      }
    },
  };
}
