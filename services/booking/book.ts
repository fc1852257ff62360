// Booking a seat. Order: refusals answerable by reads by _id (profile, ban, slot, a full mark,
// a booking the same day), then the appointment — whose insert takes the seat through its unique
// seat key (seats.ts) — then the claims that make the rules race-proof (the Idempotency-Key, one
// per citizen/item/day, the active quota). If a claim is refused, the appointment is deleted,
// which frees its seat. Losers of a storm therefore write nothing. No multi-document transactions.
import { randomInt } from 'node:crypto';
import { Types } from 'mongoose';
import { ACTIVE_APPOINTMENT_STATUSES, AppointmentModel, seatKeyOf, type Appointment } from '../../models/appointment.ts';
import { BookingClaimModel } from '../../models/booking-claim.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { SlotModel } from '../../models/slot.ts';
import { config } from '../../server/config.ts';
import { notFound } from '../../server/errors.ts';
import { zonedDate } from '../calendar/zoned-time.ts';
import { getCatalogue } from '../catalogue/store.ts';
import type { Guide } from '../catalogue/guide.ts';
import { dayClaimKey, dropClaim, idempotencyClaimKey, releaseBookingClaims, takeActiveQuota, takeClaim } from './claims.ts';
import * as refuse from './errors.ts';
import { bookingClosesBefore, readFullMark, seatFreed, withFreeSeat } from './seats.ts';
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
export async function bookAppointment(request: BookingRequest): Promise<{ appointment: AppointmentRecord; replayed: boolean }> {
  const now = request.now ?? new Date();
  const citizenId = new Types.ObjectId(request.citizenId);
  const item = await bookableItem(request.itemCode);
  const slotId = new Types.ObjectId(request.slotId);
  const idem = request.idempotencyKey ? idempotencyClaimKey(request.citizenId, request.idempotencyKey) : null;
  const [citizen, slot, replay, fullMark] = await Promise.all([
    CitizenModel.findById(citizenId, { verified: 1, bannedUntil: 1 }).lean(),
    findSlot(slotId),
    idem ? BookingClaimModel.findById(idem).lean() : null,
    readFullMark(slotId),
  ]);
  if (replay) return { appointment: await replayedAppointment(replay.appointmentId), replayed: true };
  if (!citizen?.verified) throw refuse.profileRequired();
  if (citizen.bannedUntil && citizen.bannedUntil > now) throw refuse.bookingBanned(zonedDate(citizen.bannedUntil, config.TZ_NAME));
  if (!slot) throw notFound('预约时段');
  if (slot.windowGroup !== windowGroupOf(item.windows.map((w) => w.code))) throw refuse.slotNotForItem();
  if (slot.status !== 'open' || slot.opensAt > now || slot.startsAt <= bookingClosesBefore(now)) throw refuse.bookingClosed();
  if (await holdsDay(request.citizenId, item.code, slot.date)) throw refuse.duplicateBooking();

  const insertOnSeat = await appointmentDraft(slot, {
    citizenId,
    itemCode: item.code,
    department: item.department.code,
    idempotencyKey: request.idempotencyKey ?? null,
  }, new Date());
  const appointment = await withFreeSeat(slot, fullMark, insertOnSeat);
  try {
    await takeClaims(request, appointment._id, idem, slot.date, now);
  } catch (error) {
    await AppointmentModel.deleteOne({ _id: appointment._id });
    await seatFreed(slot._id);
    if (error instanceof ReplayError) return { appointment: await replayedAppointment(error.appointmentId), replayed: true };
    throw error;
  }
  return { appointment, replayed: false };
}

async function bookableItem(code: string): Promise<Guide> {
  const item = (await getCatalogue()).byCode.get(code);
  if (!item) throw notFound('事项');
  if (!item.onlineBooking || item.windows.length === 0) throw refuse.bookingNotOffered();
  return item;
}

/** True when the citizen holds an active booking of the item that day (the claim, checked against its booking). */
async function holdsDay(citizenId: string, itemCode: string, date: string): Promise<boolean> {
  const claim = await BookingClaimModel.findById(dayClaimKey(citizenId, itemCode, date)).lean();
  if (!claim) return false;
  const holder = await AppointmentModel.findById(claim.appointmentId, { status: 1 }).lean();
  return Boolean(holder && (ACTIVE_APPOINTMENT_STATUSES as readonly string[]).includes(holder.status));
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

/** Takes the idempotency, day and quota claims for the new appointment, or refuses precisely. */
async function takeClaims(request: BookingRequest, appointmentId: Types.ObjectId, idem: string | null, date: string, now: Date): Promise<void> {
  // The Idempotency-Key first: of two copies of one request, exactly one goes on.
  if (idem && !(await takeClaim(idem, 'idem', request.citizenId, appointmentId, now))) {
    const winner = await BookingClaimModel.findById(idem).lean();
    if (winner) throw new ReplayError(winner.appointmentId);
    throw refuse.requestInProgress();
  }
  const day = dayClaimKey(request.citizenId, request.itemCode, date);
  const [gotDay, gotQuota] = await Promise.all([
    takeClaim(day, 'day', request.citizenId, appointmentId, now),
    takeActiveQuota(request.citizenId, appointmentId, config.MAX_ACTIVE_BOOKINGS, now),
  ]);
  if (gotDay && gotQuota) return;
  await releaseBookingClaims(appointmentId);
  if (idem) await dropClaim(idem, appointmentId);
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
