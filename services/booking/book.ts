// Booking a seat. Order: cheap refusals first (profile, ban, slot, a full slot), then the claims
// (the same request, one per citizen/item/day, the active quota), then the appointment, whose
// insert takes the seat through its unique seat key (see seats.ts). A failure after the claims
// releases them; the reconciliation job clears what a crash leaves. No multi-document transactions.
import { randomInt } from 'node:crypto';
import { Types } from 'mongoose';
import { AppointmentModel, seatKeyOf, type Appointment } from '../../models/appointment.ts';
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
import { bookingClosesBefore, pickFreeSeat, refreshSlotCount, takenSeats } from './seats.ts';
import { windowGroupOf } from './window-group.ts';

const DUPLICATE_KEY = 11000;

export interface BookingRequest {
  citizenId: string;
  slotId: string;
  itemCode: string;
  idempotencyKey?: string;
  now?: Date;
}

export type AppointmentRecord = Appointment & { _id: Types.ObjectId };
const findAppointment = (id: Types.ObjectId) => AppointmentModel.findById(id).lean<AppointmentRecord>();

/** Books a seat; answers the same appointment again for a repeated Idempotency-Key. */
export async function bookAppointment(request: BookingRequest): Promise<{ appointment: AppointmentRecord; replayed: boolean }> {
  const now = request.now ?? new Date();
  const citizenId = new Types.ObjectId(request.citizenId);
  const item = await bookableItem(request.itemCode);
  const slotId = new Types.ObjectId(request.slotId);
  const [citizen, slot, replay, taken] = await Promise.all([
    CitizenModel.findById(citizenId, { verified: 1, bannedUntil: 1 }).lean(),
    SlotModel.findById(slotId).lean(),
    request.idempotencyKey ? BookingClaimModel.findById(idempotencyClaimKey(request.citizenId, request.idempotencyKey)).lean() : null,
    takenSeats(slotId),
  ]);
  if (replay) return { appointment: await replayedAppointment(replay.appointmentId), replayed: true };
  if (!citizen?.verified) throw refuse.profileRequired();
  if (citizen.bannedUntil && citizen.bannedUntil > now) throw refuse.bookingBanned(zonedDate(citizen.bannedUntil, config.TZ_NAME));
  if (!slot) throw notFound('预约时段');
  if (slot.windowGroup !== windowGroupOf(item.windows.map((w) => w.code))) throw refuse.slotNotForItem();
  if (slot.status !== 'open' || slot.opensAt > now || slot.startsAt <= bookingClosesBefore(now)) throw refuse.bookingClosed();
  if (pickFreeSeat(slot.capacity, taken) === null) throw refuse.slotFull();

  const appointmentId = new Types.ObjectId();
  const keys = await takeClaims(request, appointmentId, slot.date, now);
  try {
    const created = await insertHoldingSeat(slot, taken, {
      _id: appointmentId,
      citizenId,
      itemCode: item.code,
      department: item.department.code,
      slotId: slot._id,
      windowGroup: slot.windowGroup,
      date: slot.date,
      start: slot.start,
      end: slot.end,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      idempotencyKey: request.idempotencyKey ?? null,
    });
    await refreshSlotCount(slot._id);
    return { appointment: created, replayed: false };
  } catch (error) {
    await releaseAll(appointmentId, keys.idem);
    throw error;
  }
}

/**
 * Inserts the appointment on a free seat; a duplicate key means another booking took that seat
 * first (or, once in 2^50, the check-in code collided), so re-read the seats and try another.
 */
async function insertHoldingSeat(slot: { _id: Types.ObjectId; capacity: number }, firstRead: Set<number>, fields: Record<string, unknown>) {
  let taken = firstRead;
  for (let attempt = 0; attempt <= slot.capacity + 2; attempt += 1) {
    const seatNo = pickFreeSeat(slot.capacity, taken);
    if (seatNo === null) break;
    try {
      const created = await AppointmentModel.create({ ...fields, seatNo, seatKey: seatKeyOf(slot._id, seatNo), checkInCode: newCheckInCode() });
      return created.toObject() as AppointmentRecord;
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      taken = await takenSeats(slot._id);
    }
  }
  throw refuse.slotFull();
}

async function bookableItem(code: string): Promise<Guide> {
  const item = (await getCatalogue()).byCode.get(code);
  if (!item) throw notFound('事项');
  if (!item.onlineBooking || item.windows.length === 0) throw refuse.bookingNotOffered();
  return item;
}

/** Takes the idempotency, day and quota claims, or answers the precise refusal. */
async function takeClaims(request: BookingRequest, appointmentId: Types.ObjectId, date: string, now: Date): Promise<{ idem: string | null }> {
  const idem = request.idempotencyKey ? idempotencyClaimKey(request.citizenId, request.idempotencyKey) : null;
  if (idem && !(await takeClaim(idem, 'idem', request.citizenId, appointmentId, now))) throw refuse.requestInProgress();
  const day = dayClaimKey(request.citizenId, request.itemCode, date);
  const [gotDay, gotQuota] = await Promise.all([
    takeClaim(day, 'day', request.citizenId, appointmentId, now),
    takeActiveQuota(request.citizenId, appointmentId, config.MAX_ACTIVE_BOOKINGS, now),
  ]);
  if (gotDay && gotQuota) return { idem };
  await releaseAll(appointmentId, idem);
  throw gotDay ? refuse.tooManyBookings(config.MAX_ACTIVE_BOOKINGS) : refuse.duplicateBooking();
}

async function releaseAll(appointmentId: Types.ObjectId, idem: string | null): Promise<void> {
  await releaseBookingClaims(appointmentId);
  if (idem) await dropClaim(idem, appointmentId);
}

async function replayedAppointment(appointmentId: Types.ObjectId) {
  const appointment = await findAppointment(appointmentId);
  if (!appointment) throw refuse.requestInProgress();
  return appointment;
}

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** A 10-character check-in code (no 0/O/1/I to misread); unique by index. */
export function newCheckInCode(): string {
  return Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}
