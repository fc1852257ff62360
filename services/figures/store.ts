// Stores each day's figures: a day is recomputed whole from the records and its documents
// replaced (and those of scopes with nothing left deleted), so running it again, or rebuilding
// from scratch, gives the same documents. The publishing job refreshes the last few days on
// every tick: the days whose records can still change (a no-show is marked after the slot,
// a late ticket is served after midnight).
import type { Collection } from 'mongodb';
import { FiguresDailyModel } from '../../models/figures-daily.ts';
import { addDays, zonedDate } from '../calendar/zoned-time.ts';
import { computeDay } from './compute.ts';
import { canonical } from './tally.ts';

/** Today and the days before it that every tick recomputes. */
export const REFRESH_DAYS = 3;

/** Recomputes and stores the figures of `date`; returns how many scopes it has. */
export async function recomputeDay(date: string, timeZone: string): Promise<number> {
  const tallies = await computeDay(date, timeZone);
  const ids = [...tallies.keys()].map((scope) => `${scope}|${date}`);
  if (ids.length > 0) {
    // Raw driver write: mongoose's bulkWrite types want subdocument arrays for the histograms.
    const collection = FiguresDailyModel.collection as unknown as Collection<{ _id: string }>;
    await collection.bulkWrite(
      [...tallies].map(([scope, tally]) => {
        const _id = `${scope}|${date}`;
        return { replaceOne: { filter: { _id }, replacement: { _id, scope, date, ...canonical(tally) }, upsert: true } };
      }),
      { ordered: false },
    );
  }
  await FiguresDailyModel.deleteMany({ date, _id: { $nin: ids } });
  return ids.length;
}

/** Recomputes every day of [from, to] (a backfill, or the test that a re-run reproduces). */
export async function rebuildFigures(from: string, to: string, timeZone: string): Promise<{ days: number; documents: number }> {
  let days = 0;
  let documents = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    documents += await recomputeDay(date, timeZone);
    days += 1;
  }
  return { days, documents };
}

/** The publishing job's step: the last REFRESH_DAYS days up to today. */
export function refreshFigures(now: Date, timeZone: string) {
  const today = zonedDate(now, timeZone);
  return rebuildFigures(addDays(today, -(REFRESH_DAYS - 1)), today, timeZone);
}
