// Appends to and reads the application change feed (models/application-change.ts).
// Append: insert at this instance's cached next number; a duplicate means another writer took
// it, so try the next one. A number is only ever tried after the one before it was seen taken,
// so the taken numbers stay a contiguous prefix 1…n and a reader can stop at the first gap.
import type { Model } from 'mongoose';
import { ApplicationChangeModel, changeId } from '../../models/application-change.ts';
import { logger } from '../../server/logger.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';

type ChangeModel = Model<{ _id: string; applicationId: string; at: Date }>;

export interface FeedEntry { n: number; applicationId: string; at: Date }

/** After this many duplicates in a row the cache is far behind: find the tail by lookups instead. */
const RELOCATE_AFTER = 16;
/** Feed entries looked up at once while reading. */
const READ_WINDOW = 16;

export class ChangeFeed {
  /** This instance's last successful number + 1, and the database it holds for; null until first needed. */
  private next: number | null = null;
  private nextDb = '';
  /** Appends of one instance run one at a time, so they do not race each other for a number. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly model: ChangeModel = ApplicationChangeModel as unknown as ChangeModel) {}

  /** Appends a change of `applicationId`; returns its number. */
  append(applicationId: string, at: Date): Promise<number> {
    const run = this.queue.then(() => this.insertNext(applicationId, at));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async insertNext(applicationId: string, at: Date): Promise<number> {
    if (this.nextDb !== this.model.db.name) this.next = null; // another database (tests)
    let n = this.next ?? (await this.tail(1));
    for (let duplicates = 0; ; duplicates++) {
      if (duplicates === RELOCATE_AFTER) n = await this.tail(n);
      try {
        await this.model.create({ _id: changeId(n), applicationId, at });
        this.next = n + 1;
        this.nextDb = this.model.db.name;
        return n;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        n++;
      }
    }
  }

  /** The first free number at or after `from` (which must have only taken numbers before it). */
  async tail(from: number): Promise<number> {
    if (!(await this.exists(from))) return from;
    // Gallop up to a free number, then bisect: O(log n) `_id` lookups.
    let taken = from;
    let step = 1;
    while (await this.exists(taken + step)) {
      taken += step;
      step *= 2;
    }
    let free = taken + step;
    while (free - taken > 1) {
      const middle = Math.floor((taken + free) / 2);
      if (await this.exists(middle)) taken = middle;
      else free = middle;
    }
    return free;
  }

  /** The entries after `n` (at most `max`), in order, up to the first number not yet taken. */
  async readAfter(n: number, max: number): Promise<FeedEntry[]> {
    const entries: FeedEntry[] = [];
    while (entries.length < max) {
      // Looked up READ_WINDOW at a time; only the part before the first missing number counts.
      const first = n + entries.length + 1;
      const numbers = Array.from({ length: Math.min(READ_WINDOW, max - entries.length) }, (_, k) => first + k);
      const found = await Promise.all(numbers.map((number) => this.model.findById(changeId(number)).lean()));
      for (const [k, entry] of found.entries()) {
        if (!entry) return entries;
        entries.push({ n: numbers[k]!, applicationId: entry.applicationId, at: entry.at });
      }
    }
    return entries;
  }

  private async exists(n: number): Promise<boolean> {
    return (await this.model.findById(changeId(n), { _id: 1 }).lean()) !== null;
  }

  /** Forgets the cached number (tests switching databases). */
  reset(): void {
    this.next = null;
  }
}

const feed = new ChangeFeed();

/**
 * Records that application `applicationId` was written. Call after every write of an
 * application; never throws — a lost entry is caught by the publisher's periodic rescan.
 */
export async function recordApplicationChange(applicationId: unknown, now = new Date()): Promise<void> {
  try {
    await feed.append(String(applicationId), now);
  } catch (error) {
    logger.error({ err: error, applicationId: String(applicationId) }, 'application change not recorded in the feed');
  }
}

/** The changes after number `n`, at most `max`, read by `_id` lookups only. */
export const readChangesAfter = (n: number, max: number) => feed.readAfter(n, max);
/** The number the next change will get: the first free one, searched from `from` (taken numbers only before it). */
export const nextChangeNumber = (from = 1) => feed.tail(from);
export const resetChangeFeed = () => feed.reset();
