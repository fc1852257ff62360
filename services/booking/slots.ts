// The bookable slots of an item, as the mini-program lists them.
import { SlotModel } from '../../models/slot.ts';
import { notFound } from '../../server/errors.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { bookableFilter, countActive } from './seats.ts';
import { windowGroupOf } from './window-group.ts';

/** Open, released, not closed for booking and not full, between `from` and `to` (dates, inclusive); seats counted live. */
export async function listBookableSlots(itemCode: string, from: string, to: string, now: Date, catalogue: CatalogueSnapshot) {
  const item = catalogue.byCode.get(itemCode);
  if (!item) throw notFound('事项');
  if (!item.onlineBooking || item.windows.length === 0) return [];
  const slots = await SlotModel.find({
    windowGroup: windowGroupOf(item.windows.map((w) => w.code)),
    date: { $gte: from, $lte: to },
    ...bookableFilter(now),
  })
    .sort({ date: 1, start: 1 })
    .limit(2000)
    .lean();
  const booked = await countActive(slots.map((slot) => slot._id));
  return slots
    .map((slot) => ({
      id: String(slot._id),
      date: slot.date,
      start: slot.start,
      end: slot.end,
      capacity: slot.capacity,
      remaining: Math.max(0, slot.capacity - (booked.get(String(slot._id)) ?? 0)),
    }))
    .filter((slot) => slot.remaining > 0);
}
