// The bookable slots of an item, as the mini-program lists them: straight from the slot
// documents' counters, one query on the index (window group, date, start). Open, released and
// not full is checked on the slots read — the range holds at most a few days of unreleased or
// full slots — so the filter stays an equality plus one range. The reads are shared and kept
// for SLOT_LIST_FRESH_MS (server/shared-reads.ts): at 8:00 a crowd polling the same lists costs
// the database one query per list and second; booking itself never reads from here.
import { SlotModel, type Slot } from '../../models/slot.ts';
import { notFound } from '../../server/errors.ts';
import { sharedReads } from '../../server/shared-reads.ts';
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

type ListedSlot = Pick<Slot, 'date' | 'start' | 'end' | 'capacity' | 'remaining' | 'status' | 'opensAt' | 'startsAt'> & { _id: unknown };

/** One instance's slot reads (created and stopped with its other caches, server/caches.ts). */
export interface SlotListCache {
  /** A window group's slots between two dates, at most 2 × freshMs old. */
  read(windowGroup: string, from: string, to: string): Promise<ListedSlot[]>;
  stop(): void;
}

export function createSlotListCache(freshMs: number, clock?: () => number): SlotListCache {
  const reads = sharedReads({
    keyOf: (windowGroup: string, from: string, to: string) => `${windowGroup} ${from} ${to}`,
    load: (windowGroup: string, from: string, to: string) => {
      const { filter, projection, sort, limit } = slotsBetween(windowGroup, from, to);
      return SlotModel.find(filter, projection).sort(sort).limit(limit).lean<ListedSlot[]>();
    },
    freshMs,
    clock,
  });
  return { read: reads.read, stop: reads.clear };
}

/** The item's slots open for booking between `from` and `to`, with their seats left. */
export async function listBookableSlots(itemCode: string, from: string, to: string, now: Date, catalogue: CatalogueSnapshot, slots: SlotListCache) {
  const item = catalogue.byCode.get(itemCode);
  if (!item) throw notFound('事项');
  if (!item.onlineBooking || item.windows.length === 0) return [];
  const listed = await slots.read(windowGroupOf(item.windows.map((w) => w.code)), from, to);
  return listed
    .filter((slot) => slot.remaining > 0 && isOpenForBooking(slot, now))
    .map((slot) => ({ id: String(slot._id), date: slot.date, start: slot.start, end: slot.end, capacity: slot.capacity, remaining: slot.remaining }));
}
