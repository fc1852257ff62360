// The bookable slots of an item, as the mini-program lists them: straight from the slot
// documents' counters, one indexed query (window group, date range, by start).
import { SlotModel } from '../../models/slot.ts';
import { notFound } from '../../server/errors.ts';
import { getCatalogue } from '../catalogue/store.ts';
import { bookableFilter } from './seats.ts';
import { windowGroupOf } from './window-group.ts';

const MAX_SLOTS = 2000;

/** The query of open, released, not closed and not full slots of a window group between two dates (inclusive). */
export function bookableSlotsQuery(windowGroup: string, from: string, to: string, now: Date) {
  return SlotModel.find(
    { windowGroup, date: { $gte: from, $lte: to }, ...bookableFilter(now), remaining: { $gt: 0 } },
    { date: 1, start: 1, end: 1, capacity: 1, remaining: 1 },
  )
    .sort({ date: 1, start: 1 })
    .limit(MAX_SLOTS);
}

/** The item's bookable slots between `from` and `to` with their seats left. */
export async function listBookableSlots(itemCode: string, from: string, to: string, now: Date) {
  const item = (await getCatalogue()).byCode.get(itemCode);
  if (!item) throw notFound('事项');
  if (!item.onlineBooking || item.windows.length === 0) return [];
  const slots = await bookableSlotsQuery(windowGroupOf(item.windows.map((w) => w.code)), from, to, now).lean();
  return slots.map((slot) => ({ id: String(slot._id), date: slot.date, start: slot.start, end: slot.end, capacity: slot.capacity, remaining: slot.remaining }));
}
