// Booking a seat — the entry point. No transaction (a storm makes the slot document hot); each
// rule is one atomic write, in this order, and a failed step gives back what the earlier took:
//   1. in parallel: the citizen (verified, not banned at `now`) and their active bookings (one
//      query on the day-rule index) — which show the days they already have this item, the
//      quota place left free (quota.ts), and a repeated request's first answer;
//   2. the seat — one guarded $inc on the slot whose filter names everything that makes it
//      bookable and leaves out the days the citizen already has this item (seats.ts);
//   3. the appointment insert, with `active: true` and the quota place: partial unique indexes
//      settle a twin request (citizen, item, day) and a racing one of the same citizen (citizen,
//      place); with an Idempotency-Key the _id is derived from the key, so a repeat collides on
//      _id and gets the first outcome.
// Happy path: 3 round trips, 4 operations, 2 of them writes; the catalogue comes from memory.
// When a step matches nothing the refusal is read precisely (refusals.ts), unless the
// Idempotency-Key finds an earlier outcome, which is answered instead. A crash between steps 2
// and 3 leaves a seat counter one too high; the reconciliation job recounts (reconcile.ts).
import { createHash, randomInt } from 'node:crypto';
import { Types, type ClientSession } from 'mongoose';
import { AppointmentModel, type Appointment } from '../../models/appointment.ts';
import type { Slot } from '../../models/slot.ts';
import { notFound } from '../../server/errors.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import type { Guide } from '../catalogue/guide.ts';
import * as refuse from './errors.ts';
import { freeQuotaPlace, readBookingCitizen } from './quota.ts';
import { mayBook, refuseCitizen, refuseSeat, retrying, TRY_AGAIN } from './refusals.ts';
import { giveBackSeat, takeSeat } from './seats.ts';
import { windowGroupOf } from './window-group.ts';

export interface BookingRequest {
  citizenId: string;
  slotId: string;
  itemCode: string;
  idempotencyKey?: string;
  now?: Date;
}

export type AppointmentRecord = Appointment & { _id: Types.ObjectId };
export type SlotRecord = Slot & { _id: Types.ObjectId };
export interface BookingOutcome {
  appointment: AppointmentRecord;
  replayed: boolean;
}

/** One booking request, parsed once. */
export interface Booking {
  citizenId: Types.ObjectId;
  slotId: Types.ObjectId;
  item: Guide;
  windowGroup: string;
  appointmentId: Types.ObjectId;
  idempotencyKey: string | null;
  now: Date;
}

/** Books a seat; answers the same appointment again for a repeated Idempotency-Key. */
export async function bookAppointment(request: BookingRequest, catalogue: CatalogueSnapshot): Promise<BookingOutcome> {
  const booking = await bookingFor(request, catalogue);
  return retrying(() => attemptBooking(booking));
}

/** The request parsed once: ids, the catalogue item (from memory), the appointment id to use. */
export async function bookingFor(request: BookingRequest, catalogue: CatalogueSnapshot): Promise<Booking> {
  const item = bookableItem(request.itemCode, catalogue);
  const key = request.idempotencyKey;
  return {
    citizenId: new Types.ObjectId(request.citizenId),
    slotId: new Types.ObjectId(request.slotId),
    item,
    windowGroup: windowGroupOf(item.windows.map((w) => w.code)),
    appointmentId: key ? idempotentAppointmentId(request.citizenId, key) : new Types.ObjectId(),
    idempotencyKey: key ?? null,
    now: request.now ?? new Date(),
  };
}

async function attemptBooking(booking: Booking): Promise<BookingOutcome | typeof TRY_AGAIN> {
  const [citizen, held] = await Promise.all([readBookingCitizen(booking.citizenId), activeBookingsOf(booking.citizenId)]);
  const repeated = held.find((a) => a._id.equals(booking.appointmentId));
  if (repeated) return { appointment: repeated, replayed: true };
  const bookedDays = daysBooked(held, booking.item.code);
  const place = freeQuotaPlace(held);
  if (!mayBook(citizen, booking.now) || place === null) return unlessRepeated(booking, refuseCitizen(booking, citizen, bookedDays));
  const slot = await takeSeat(booking.slotId, booking.windowGroup, booking.now, bookedDays);
  if (!slot) return unlessRepeated(booking, refuseSeat(booking, bookedDays));
  try {
    return { appointment: await insertAppointment(appointmentOf(booking, slot, place)), replayed: false };
  } catch (error) {
    // Any other failure (a timeout …) may have stored it: keep the seat counted, at worst one too high.
    if (!isDuplicateKey(error)) throw error;
    await giveBackSeat(slot._id);
    // The citizen's own concurrent request took this quota place: look again.
    if (duplicateKeyFields(error).includes('quotaPlace')) return TRY_AGAIN;
    // A copy of this request got in first (it collides on the day as on _id): answer its appointment.
    const earlier = await earlierOutcome(booking);
    if (earlier) return { appointment: earlier, replayed: true };
    throw refuse.duplicateBooking();
  }
}

/** The appointment an earlier copy of this request stored (Idempotency-Key), if any. */
const earlierOutcome = (booking: Booking) =>
  booking.idempotencyKey ? AppointmentModel.findById(booking.appointmentId).lean<AppointmentRecord>() : Promise.resolve(null);

/**
 * A repeated request is answered with its first outcome, whatever holds now (full, banned …).
 * The earlier outcome is looked up once the refusal is known, not alongside it, so a copy of this
 * request holding one of the seats the refusal counted as taken has had the slot read's round
 * trip to store its appointment: read alongside, a copy sent at the same moment as nine others
 * at a five-seat slot was sometimes answered SLOT_FULL while its twin was inserting.
 */
async function unlessRepeated(booking: Booking, refusal: Promise<typeof TRY_AGAIN>): Promise<BookingOutcome | typeof TRY_AGAIN> {
  try {
    return await refusal;
  } catch (error) {
    const earlier = await earlierOutcome(booking);
    if (earlier) return { appointment: earlier, replayed: true };
    throw error;
  }
}

/** The citizen's active bookings (at most MAX_ACTIVE_BOOKINGS), through the day-rule index. */
export function activeBookingsOf(citizenId: Types.ObjectId) {
  return AppointmentModel.find({ citizenId, active: true }).lean<AppointmentRecord[]>();
}

/** The days of `held` booked for `itemCode`. */
export const daysBooked = (held: readonly AppointmentRecord[], itemCode: string) => held.filter((a) => a.itemCode === itemCode).map((a) => a.date);

/**
 * The appointment id of a request with an Idempotency-Key, derived from the citizen and the key:
 * a repeat finds its first answer by _id, and two copies racing collide on the _id.
 */
export function idempotentAppointmentId(citizenId: string, key: string): Types.ObjectId {
  return new Types.ObjectId(createHash('sha256').update(`${citizenId}:${key}`).digest().subarray(0, 12));
}

/** The catalogue item, from memory; refuses unknown items and items not booked online. */
function bookableItem(code: string, catalogue: CatalogueSnapshot): Guide {
  const item = catalogue.byCode.get(code);
  if (!item) throw notFound('事项');
  if (!item.onlineBooking || item.windows.length === 0) throw refuse.bookingNotOffered();
  return item;
}

/** The active appointment of `booking` on the seat it took in `slot`, holding quota place `quotaPlace`. */
export function appointmentOf(booking: Booking, slot: SlotRecord, quotaPlace: number): AppointmentRecord {
  return {
    _id: booking.appointmentId,
    citizenId: booking.citizenId,
    itemCode: booking.item.code,
    department: booking.item.department.code,
    slotId: slot._id,
    windowGroup: slot.windowGroup,
    date: slot.date,
    start: slot.start,
    end: slot.end,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    status: 'booked',
    active: true,
    quotaPlace,
    checkInCode: newCheckInCode(),
    idempotencyKey: booking.idempotencyKey,
    ticketNo: null,
    checkedInAt: null,
    cancelledAt: null,
    rescheduledFrom: null,
    createdAt: booking.now,
    updatedAt: booking.now,
  };
}

/** Inserts the appointment (a plain driver insert: built from trusted fields); a clashing check-in code is drawn again. */
export async function insertAppointment(appointment: AppointmentRecord, session?: ClientSession): Promise<AppointmentRecord> {
  for (;;) {
    try {
      await AppointmentModel.collection.insertOne(appointment, { session });
      return appointment;
    } catch (error) {
      if (!isDuplicateKey(error) || !duplicateKeyFields(error).includes('checkInCode')) throw error;
      appointment.checkInCode = newCheckInCode();
    }
  }
}

/** The fields of the unique index a duplicate-key error names. */
const duplicateKeyFields = (error: unknown) => Object.keys((error as { keyPattern?: object }).keyPattern ?? {});

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** A 10-character check-in code (no 0/O/1/I to misread); unique by index. */
export function newCheckInCode(): string {
  return Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}
