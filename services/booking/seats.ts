// Seats of a slot. A seat is taken by inserting the appointment with a unique seat key
// ("<slotId>:<n>", n < capacity): the unique index decides, so no slot ever holds more bookings
// than seats whatever the concurrency, and no seat is ever taken without its appointment.
// Only inserts and reads by _id are used on this path: FerretDB (SQLite) pushes nothing else
// down to an index, so any other filter scans the collection, and its conditional updates are
// not atomic. Seats are tried in random order; the booking that finds all taken leaves a full
// mark (models/slot-full-mark.ts) so that the next ones answer SLOT_FULL after one read.
import type { Types } from 'mongoose';
import { ACTIVE_APPOINTMENT_STATUSES, AppointmentModel } from '../../models/appointment.ts';
import { SlotFullMarkModel, type SlotFullMark } from '../../models/slot-full-mark.ts';
import { SlotModel } from '../../models/slot.ts';
import { config } from '../../server/config.ts';
import { slotFull } from './errors.ts';

const MINUTE_MS = 60_000;
const DUPLICATE_KEY = 11000;
const MARK_RECHECK_EVERY = 2;

/** The latest start instant a slot may have to be closed for booking at `now`. */
export const bookingClosesBefore = (now: Date) => new Date(now.getTime() + config.BOOKING_CLOSE_MINUTES * MINUTE_MS);

/** The filter of slots open for booking at `now` (seats are counted separately). */
export function bookableFilter(now: Date) {
  return { status: 'open' as const, opensAt: { $lte: now }, startsAt: { $gt: bookingClosesBefore(now) } };
}

/** The full mark of a slot, if any (one read by _id). */
export const readFullMark = (slotId: Types.ObjectId) => SlotFullMarkModel.findById(String(slotId)).lean();

interface SeatedSlot {
  _id: Types.ObjectId;
  capacity: number;
  lastFreedAt?: Date | null;
}

/**
 * Runs `insert(seatNo)` on free seats in random order until one succeeds; a duplicate key means
 * the seat is taken. Throws SLOT_FULL when the mark says so or every seat is taken.
 */
export async function withFreeSeat<T>(slot: SeatedSlot, mark: SlotFullMark | null, insert: (seatNo: number) => Promise<T>): Promise<T> {
  const trusted = (m: SlotFullMark | null) => Boolean(m && (!slot.lastFreedAt || m.scanStartedAt > slot.lastFreedAt));
  if (trusted(mark)) throw slotFull();
  const scanStartedAt = new Date();
  let failures = 0;
  for (const seatNo of shuffledSeats(slot.capacity)) {
    try {
      return await insert(seatNo);
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
    // In a storm, stop as soon as another booking has found the slot full.
    if (++failures % MARK_RECHECK_EVERY === 0 && trusted(await readFullMark(slot._id))) throw slotFull();
  }
  await markFull(slot._id, scanStartedAt);
  throw slotFull();
}

function shuffledSeats(capacity: number): number[] {
  const seats = Array.from({ length: capacity }, (_, n) => n);
  for (let i = seats.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [seats[i], seats[j]] = [seats[j]!, seats[i]!];
  }
  return seats;
}

async function markFull(slotId: Types.ObjectId, scanStartedAt: Date): Promise<void> {
  try {
    await SlotFullMarkModel.create({ _id: String(slotId), scanStartedAt });
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    await SlotFullMarkModel.updateOne({ _id: String(slotId) }, { $set: { scanStartedAt } });
  }
}

/** Records that a seat of the slot was just given back: after the seat is free, never before. */
export async function seatFreed(slotId: Types.ObjectId): Promise<void> {
  await SlotModel.updateOne({ _id: slotId }, { $set: { lastFreedAt: new Date() } });
  await SlotFullMarkModel.deleteOne({ _id: String(slotId) });
}

const activeIn = (slotIds: Types.ObjectId[]) => ({ slotId: { $in: slotIds }, status: { $in: [...ACTIVE_APPOINTMENT_STATUSES] } });

/** Active bookings per slot, exactly (a scan on FerretDB: for listings and jobs, not the booking path). */
export async function countActive(slotIds: Types.ObjectId[]): Promise<Map<string, number>> {
  if (slotIds.length === 0) return new Map();
  const rows = await AppointmentModel.aggregate<{ _id: Types.ObjectId; n: number }>([
    { $match: activeIn(slotIds) },
    { $group: { _id: '$slotId', n: { $sum: 1 } } },
  ]);
  return new Map(rows.map((r) => [String(r._id), r.n]));
}

/** Refreshes the slot's booked/remaining copy from its bookings. */
export async function refreshSlotCount(slotId: Types.ObjectId): Promise<void> {
  const booked = (await countActive([slotId])).get(String(slotId)) ?? 0;
  const slot = await SlotModel.findById(slotId, { capacity: 1 }).lean();
  if (slot) await SlotModel.updateOne({ _id: slotId }, { $set: { booked, remaining: Math.max(0, slot.capacity - booked) } });
}
