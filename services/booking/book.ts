// Booking a seat. Order: refusals answerable from two reads by _id (citizen: profile, ban; slot:
// item, opening, closing), then the appointment — whose insert takes the seat through its unique
// seat key (seats.ts) — then the claims that make the rules race-proof (one per citizen/item/day,
// the active quota). If a claim is refused, the appointment is deleted, which frees its seat.
// Losers of a storm therefore write nothing. With an Idempotency-Key the appointment's _id is
// derived from it, so repeats are found by _id. No multi-document transactions.
import { createHash, randomInt } from 'node:crypto';
import { Types } from 'mongoose';
import { AppointmentModel, seatKeyOf, type Appointment } from '../../models/appointment.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { SlotModel } from '../../models/slot.ts';
import { config } from '../../server/config.ts';
import { notFound } from '../../server/errors.ts';
import { zonedDate } from '../calendar/zoned-time.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import type { Guide } from '../catalogue/guide.ts';
import { dayClaimKey, releaseBookingClaims, takeActiveQuota, takeClaim } from './claims.ts';
import * as refuse from './errors.ts';
import { bookingClosesBefore, seatFreed, withFreeSeat } from './seats.ts';
import { windowGroupOf } from './window-group.ts';

export interface BookingRequest {
  citizenId: string;
  slotId: string;
  itemCode: string;
  idempotencyKey?: string;
  now?: Date;
}

export type AppointmentRecord = Appointment & { _id: Types.ObjectId };
type SlotRecord = NonNullable<Awaited<ReturnType<typeof findSlot>>>;
const findSlot = (id: Types.ObjectId) => SlotModel.findById(id).lean();

/** Books a seat; answers the same appointment again for a repeated Idempotency-Key. */
export async function bookAppointment(request: BookingRequest, catalogue: CatalogueSnapshot): Promise<{ appointment: AppointmentRecord; replayed: boolean }> {
  const now = request.now ?? new Date();
  const citizenId = new Types.ObjectId(request.citizenId);
  const item = await bookableItem(request.itemCode, catalogue);
  const slotId = new Types.ObjectId(request.slotId);
  const key = request.idempotencyKey;
  const appointmentId = key ? idempotentAppointmentId(request.citizenId, key) : new Types.ObjectId();
  const [citizen, slot, earlier] = await Promise.all([
    CitizenModel.findById(citizenId, { verified: 1, bannedUntil: 1 }).lean(),
    findSlot(slotId),
    key ? AppointmentModel.findById(appointmentId).lean<AppointmentRecord>() : null,
  ]);
  // A repeated request is answered with its first outcome, whatever holds now (full, banned …).
  if (earlier) return { appointment: earlier, replayed: true };
  try {
    if (!citizen?.verified) throw refuse.profileRequired();
    if (citizen.bannedUntil && citizen.bannedUntil > now) throw refuse.bookingBanned(zonedDate(citizen.bannedUntil, config.TZ_NAME));
    if (!slot) throw notFound('预约时段');
    if (slot.windowGroup !== windowGroupOf(item.windows.map((w) => w.code))) throw refuse.slotNotForItem();
    if (slot.status !== 'open' || slot.opensAt > now || slot.startsAt <= bookingClosesBefore(now)) throw refuse.bookingClosed();
    const fields = { _id: appointmentId, citizenId, itemCode: item.code, department: item.department.code, idempotencyKey: key ?? null };
    const insertOnSeat = await appointmentDraft(slot, fields, new Date());
    const appointment = await withFreeSeat(slot, async (seatNo) => {
      try {
        return await insertOnSeat(seatNo);
      } catch (error) {
        // With a key, a duplicate may be the _id: a copy of this request got in first.
        if (key && (await AppointmentModel.exists({ _id: appointmentId }))) throw new ReplayError(appointmentId);
        throw error;
      }
    });
    try {
      await takeClaims(request, appointment._id, slot.date, now);
    } catch (error) {
      await AppointmentModel.deleteOne({ _id: appointment._id });
      await seatFreed(slot._id);
      throw error;
    }
    return { appointment, replayed: false };
  } catch (error) {
    if (error instanceof ReplayError) return { appointment: await replayedAppointment(error.appointmentId), replayed: true };
    throw error;
  }
}

/**
 * The appointment id of a request with an Idempotency-Key, derived from the citizen and the key:
 * a repeat finds its first answer by _id, and two copies racing collide on the _id.
 */
export function idempotentAppointmentId(citizenId: string, key: string): Types.ObjectId {
  return new Types.ObjectId(createHash('sha256').update(`${citizenId}:${key}`).digest().subarray(0, 12));
}

async function bookableItem(code: string, catalogue: CatalogueSnapshot): Promise<Guide> {
  const item = catalogue.byCode.get(code);
  if (!item) throw notFound('事项');
  if (!item.onlineBooking || item.windows.length === 0) throw refuse.bookingNotOffered();
  return item;
}

/**
 * The appointment to insert, built and validated once; each seat attempt is then a plain driver
 * insert of it with the seat and a fresh check-in code (a storm makes many attempts).
 */
async function appointmentDraft(slot: SlotRecord, fields: Record<string, unknown>, now: Date) {
  const draft = new AppointmentModel({
    ...fields,
    slotId: slot._id,
    windowGroup: slot.windowGroup,
    date: slot.date,
    start: slot.start,
    end: slot.end,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    checkInCode: newCheckInCode(),
    createdAt: now,
    updatedAt: now,
  });
  await draft.validate();
  const base = draft.toObject() as AppointmentRecord;
  return async (seatNo: number): Promise<AppointmentRecord> => {
    const appointment = { ...base, seatNo, seatKey: seatKeyOf(slot._id, seatNo), checkInCode: newCheckInCode() };
    await AppointmentModel.collection.insertOne(appointment);
    return appointment;
  };
}

class ReplayError extends Error {
  constructor(readonly appointmentId: Types.ObjectId) {
    super('idempotency key already used');
  }
}

/** Takes the day and quota claims for the new appointment, or refuses precisely. */
async function takeClaims(request: BookingRequest, appointmentId: Types.ObjectId, date: string, now: Date): Promise<void> {
  const day = dayClaimKey(request.citizenId, request.itemCode, date);
  const [gotDay, gotQuota] = await Promise.all([
    takeClaim(day, 'day', request.citizenId, appointmentId, now),
    takeActiveQuota(request.citizenId, appointmentId, config.MAX_ACTIVE_BOOKINGS, now),
  ]);
  if (gotDay && gotQuota) return;
  await releaseBookingClaims(appointmentId);
  throw gotDay ? refuse.tooManyBookings(config.MAX_ACTIVE_BOOKINGS) : refuse.duplicateBooking();
}

async function replayedAppointment(appointmentId: Types.ObjectId): Promise<AppointmentRecord> {
  const appointment = await AppointmentModel.findById(appointmentId).lean<AppointmentRecord>();
  if (!appointment) throw refuse.requestInProgress();
  return appointment;
}

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** A 10-character check-in code (no 0/O/1/I to misread); unique by index. */
export function newCheckInCode(): string {
  return Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}
