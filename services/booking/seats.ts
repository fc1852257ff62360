// Seats of a slot. A seat is taken by inserting the appointment with a unique seat key
// ("<slotId>:<n>", n < capacity): the unique index decides, so no slot ever holds more bookings
// than seats whatever the concurrency, and no seat is ever taken without its appointment.
// Only inserts and reads by _id are used on this path: FerretDB (SQLite) pushes nothing else
// down to an index, so any other filter scans the collection, and its conditional updates are
// not atomic. Seats are tried at random among those this process has not seen taken
// (seat-cache.ts); when all are seen taken a full mark (models/slot-full-mark.ts) lets the
// next bookings, on any instance, answer SLOT_FULL after one read.
import type { Types } from 'mongoose';
import { ACTIVE_APPOINTMENT_STATUSES, AppointmentModel } from '../../models/appointment.ts';
import { SlotFullMarkModel, type SlotFullMark } from '../../models/slot-full-mark.ts';
import { SlotModel } from '../../models/slot.ts';
import { config } from '../../server/config.ts';
import { slotFull } from './errors.ts';
import { OBSERVATION_TTL_MS, forgetSeats, fullSince, openSeats, seatsSeen } from './seat-cache.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';

const MINUTE_MS = 60_000;

/** The latest start instant a slot may have to be closed for booking at `now`. */
export const bookingClosesBefore = (now: Date) => new Date(now.getTime() + config.BOOKING_CLOSE_MINUTES * MINUTE_MS);

/** The filter of slots open for booking at `now` (seats are counted separately). */
export function bookableFilter(now: Date) {
  return { status: 'open' as const, opensAt: { $lte: now }, startsAt: { $gt: bookingClosesBefore(now) } };
}

/** The full mark of a slot, if any (one read by _id). */
export const readFullMark = (slotId: Types.ObjectId) => SlotFullMarkModel.findById(String(slotId)).lean();

/** A mark counts when no seat was freed after its scan began and it is recent (bounding any lost write). */
function trustsMark(mark: SlotFullMark, lastFreedAt: Date | null | undefined): boolean {
  return (!lastFreedAt || mark.scanStartedAt > lastFreedAt) && mark.scanStartedAt.getTime() > Date.now() - OBSERVATION_TTL_MS;
}

interface SeatedSlot {
  _id: Types.ObjectId;
  capacity: number;
  lastFreedAt?: Date | null;
}

/**
 * Runs `insert(seatNo)` on seats not known to be taken, at random, until one succeeds; a
 * duplicate key means the seat is taken. Throws SLOT_FULL when every seat has been seen taken
 * since the last free (then it leaves the full mark for other instances), or when, after a
 * first surprise, the mark says so.
 */
export async function withFreeSeat<T>(slot: SeatedSlot, insert: (seatNo: number) => Promise<T>): Promise<T> {
  const seats = seatsSeen(String(slot._id), slot.lastFreedAt);
  let markChecked = false;
  for (;;) {
    const open = openSeats(seats, slot.capacity);
    if (open.length === 0) {
      if (seats.inFlight.size > 0) {
        await Promise.race(seats.inFlight.values()).catch(() => undefined);
        continue;
      }
      const since = fullSince(seats, slot.capacity);
      if (since) await markFull(slot._id, since);
      throw slotFull();
    }
    const seatNo = open[Math.floor(Math.random() * open.length)]!;
    const attempt = insert(seatNo);
    seats.inFlight.set(seatNo, attempt);
    try {
      const result = await attempt;
      seats.taken.set(seatNo, Date.now());
      return result;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      seats.taken.set(seatNo, Date.now());
    } finally {
      seats.inFlight.delete(seatNo);
    }
    // A taken seat this process did not know of: another instance may already know the slot is full.
    if (!markChecked) {
      markChecked = true;
      const mark = await readFullMark(slot._id);
      if (mark && trustsMark(mark, slot.lastFreedAt)) throw slotFull();
    }
  }
}

async function markFull(slotId: Types.ObjectId, scanStartedAt: Date): Promise<void> {
  try {
    await SlotFullMarkModel.create({ _id: String(slotId), scanStartedAt });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await SlotFullMarkModel.updateOne({ _id: String(slotId) }, { $set: { scanStartedAt } });
  }
}

/** Records that a seat of the slot was just given back: after the seat is free, never before. */
export async function seatFreed(slotId: Types.ObjectId): Promise<void> {
  await SlotModel.updateOne({ _id: slotId }, { $set: { lastFreedAt: new Date() } });
  await SlotFullMarkModel.deleteOne({ _id: String(slotId) });
  forgetSeats(String(slotId));
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
