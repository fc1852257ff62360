// What this process has seen of each slot's seats, so that a storm of bookings arriving here
// spreads over different seats instead of colliding, and learns that a slot is full without
// each loser trying every seat. Only a guide: the unique seat key in the database decides.
// An observation "seat n is taken" is dropped once a seat of the slot is freed after it
// (Slot.lastFreedAt, read with the slot on every booking; cleared at once for frees made here)
// or when it is older than OBSERVATION_TTL_MS.

interface SlotSeats {
  /** seat number → when it was seen taken (ms). */
  taken: Map<number, number>;
  /** seat number → the insert attempt under way in this process. */
  inFlight: Map<number, Promise<unknown>>;
}

const MAX_SLOTS = 5000;
/**
 * Observations (and full marks) older than this are not trusted: a free whose Slot.lastFreedAt
 * write was lost (FerretDB updates race) can then hide a seat for at most this long.
 */
export const OBSERVATION_TTL_MS = 30_000;
const slots = new Map<string, SlotSeats>();

/** The seats of `slotId` as seen here, without observations older than the slot's last free. */
export function seatsSeen(slotId: string, lastFreedAt: Date | null | undefined): SlotSeats {
  let seats = slots.get(slotId);
  if (!seats) {
    if (slots.size >= MAX_SLOTS) slots.clear();
    seats = { taken: new Map(), inFlight: new Map() };
    slots.set(slotId, seats);
  }
  const freedAt = Math.max(lastFreedAt?.getTime() ?? 0, Date.now() - OBSERVATION_TTL_MS);
  for (const [seat, at] of seats.taken) if (at <= freedAt) seats.taken.delete(seat);
  return seats;
}

/** Forgets what was seen of a slot (a seat was freed by this process). */
export function forgetSeats(slotId: string): void {
  slots.get(slotId)?.taken.clear();
}

/** Seats neither seen taken nor being tried here. */
export function openSeats(seats: SlotSeats, capacity: number): number[] {
  return Array.from({ length: capacity }, (_, n) => n).filter((n) => !seats.taken.has(n) && !seats.inFlight.has(n));
}

/** The oldest observation when every seat has been seen taken since the last free, else null. */
export function fullSince(seats: SlotSeats, capacity: number): Date | null {
  if (seats.taken.size < capacity) return null;
  return new Date(Math.min(...seats.taken.values()));
}
