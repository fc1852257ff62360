// The bookable slots of an item, as the mini-program lists them: straight from the slot
// documents' counters, one query on the index (window group, date, start). Open, released and
// not full is checked on the slots read — the range holds at most a few days of unreleased or
// full slots — so the filter stays an equality plus one range.
import { SlotModel } from '../../models/slot.ts';
import { notFound } from '../../server/errors.ts';
import { singleFlight } from '../../server/single-flight.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { isOpenForBooking } from './seats.ts';
import { windowGroupOf } from './window-group.ts';

/** The query of a window group's slots between two dates (inclusive), by date and start. */
export function slotsBetween(windowGroup: string, from: string, to: string) {
  return {
    filter: { windowGroup, date: { $gte: from, $lte: to } },
    projection: { date: 1, start: 1, end: 1, capacity: 1, remaining: 1, status: 1, opensAt: 1, startsAt: 1 },
    sort: { date: 1, start: 1 } as const,
    limit: 2000,
  };
}

/** A window group's slots between two dates; callers asking the same at once share the query. */
const readSlots = singleFlight(
  (windowGroup: string, from: string, to: string) => `${windowGroup} ${from} ${to}`,
  (windowGroup: string, from: string, to: string) => {
    const { filter, projection, sort, limit } = slotsBetween(windowGroup, from, to);
    return SlotModel.find(filter, projection).sort(sort).limit(limit).lean();
  },
);

/** The item's slots open for booking between `from` and `to`, with their seats left. */
export async function listBookableSlots(itemCode: string, from: string, to: string, now: Date, catalogue: CatalogueSnapshot) {
  const item = catalogue.byCode.get(itemCode);
  if (!item) throw notFound('事项');
  if (!item.onlineBooking || item.windows.length === 0) return [];
  const slots = await readSlots(windowGroupOf(item.windows.map((w) => w.code)), from, to);
  return slots
    .filter((slot) => slot.remaining > 0 && isOpenForBooking(slot, now))
    .map((slot) => ({ id: String(slot._id), date: slot.date, start: slot.start, end: slot.end, capacity: slot.capacity, remaining: slot.remaining }));
}
