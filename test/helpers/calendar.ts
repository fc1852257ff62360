// For tests whose fixtures are dated relative to the real clock (slots two days ahead …): on a
// day in a year the holiday package has no data for (as CI's other-year run makes it), such
// dates are "unknown" and no slot opens. Confirming those years, as an admin would, lets the
// test check what it is about; the undo removes exactly the confirmations it made.
import { CalendarYearModel } from '../../models/calendar-day.ts';
import { officialCalendar } from '../../services/calendar/working-days.ts';

/** Confirms this year and the next when they lack official data; returns the undo. */
export async function vouchForCurrentYears(now = new Date()): Promise<() => Promise<void>> {
  const official = officialCalendar().years;
  const years = [now.getUTCFullYear(), now.getUTCFullYear() + 1].filter((year) => !official.has(year));
  const added: number[] = [];
  for (const year of years) {
    const result = await CalendarYearModel.updateOne(
      { year },
      { $setOnInsert: { year, confirmedBy: 'test', confirmedAt: now, note: 'test fixture' } },
      { upsert: true },
    );
    if (result.upsertedCount === 1) added.push(year);
  }
  return async () => void (await CalendarYearModel.deleteMany({ year: { $in: added } }));
}
