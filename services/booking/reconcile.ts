// The safety net of the counters. A booking takes its seat and quota unit before it stores the
// appointment, and an ending booking gives them back after its status write, so a crash between
// two steps leaves a counter one too high — the safe side, never an oversold seat. This recounts
// them from the active appointments (future slots, citizens holding bookings; bounded batches
// through indexes). A booking under way looks like drift too, so a counter is repaired only when
// a second look SETTLE_MS later finds the same counter and the same count, and the repair is
// guarded by the value read.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Types } from 'mongoose';
import { AppointmentModel } from '../../models/appointment.ts';
import { CitizenModel } from '../../models/citizen.ts';
import { SlotModel } from '../../models/slot.ts';

const BATCH = 5000;
/** Longer than any booking takes between its steps (a write times out after 20 s). */
const SETTLE_MS = 30_000;

interface Drift {
  id: Types.ObjectId;
  counter: number;
  held: number;
  capacity: number;
}

/** Recounts the seat and quota counters; returns how many were checked and repaired. */
export async function reconcileCounters(now: Date, settleMs = SETTLE_MS): Promise<Record<string, number>> {
  const [slots, citizens] = await Promise.all([slotDrifts({ startsAt: { $gt: now } }), citizenDrifts({ activeBookings: { $gt: 0 } })]);
  if (slots.drifts.length + citizens.drifts.length > 0) await sleep(settleMs);
  const [slotsAgain, citizensAgain] = await Promise.all([
    slots.drifts.length ? slotDrifts({ _id: { $in: slots.drifts.map((d) => d.id) } }) : { drifts: [] },
    citizens.drifts.length ? citizenDrifts({ _id: { $in: citizens.drifts.map((d) => d.id) } }) : { drifts: [] },
  ]);
  let slotsRepaired = 0;
  for (const drift of settled(slots.drifts, slotsAgain.drifts)) {
    const repair = { booked: drift.held, remaining: Math.max(0, drift.capacity - drift.held) };
    slotsRepaired += (await SlotModel.updateOne({ _id: drift.id, booked: drift.counter }, { $set: repair })).modifiedCount;
  }
  let citizensRepaired = 0;
  for (const drift of settled(citizens.drifts, citizensAgain.drifts)) {
    citizensRepaired += (await CitizenModel.updateOne({ _id: drift.id, activeBookings: drift.counter }, { $set: { activeBookings: drift.held } })).modifiedCount;
  }
  return { slotsChecked: slots.checked, citizensChecked: citizens.checked, slotsRepaired, citizensRepaired, repaired: slotsRepaired + citizensRepaired };
}

/** The drifts seen both times with the same counter and count. */
function settled(first: Drift[], second: Drift[]): Drift[] {
  const again = new Map(second.map((d) => [String(d.id), d]));
  return first.filter((d) => again.get(String(d.id))?.counter === d.counter && again.get(String(d.id))?.held === d.held);
}

async function slotDrifts(filter: Record<string, unknown>) {
  const slots = await SlotModel.find(filter, { capacity: 1, booked: 1 }).sort({ startsAt: 1 }).limit(BATCH).lean();
  const held = await activeCountBy('slotId', slots.map((s) => s._id));
  const drifts = slots.map((s) => ({ id: s._id, counter: s.booked, held: held.get(String(s._id)) ?? 0, capacity: s.capacity }));
  return { checked: slots.length, drifts: drifts.filter((d) => d.counter !== d.held) };
}

async function citizenDrifts(filter: Record<string, unknown>) {
  const citizens = await CitizenModel.find(filter, { activeBookings: 1 }).limit(BATCH).lean();
  const held = await activeCountBy('citizenId', citizens.map((c) => c._id));
  const drifts = citizens.map((c) => ({ id: c._id, counter: c.activeBookings, held: held.get(String(c._id)) ?? 0, capacity: 0 }));
  return { checked: citizens.length, drifts: drifts.filter((d) => d.counter !== d.held) };
}

/** Active appointments per slot or per citizen among `ids` (indexes slotId+active, citizenId+…). */
async function activeCountBy(field: 'slotId' | 'citizenId', ids: Types.ObjectId[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await AppointmentModel.aggregate<{ _id: Types.ObjectId; n: number }>([
    { $match: { [field]: { $in: ids }, active: true } },
    { $group: { _id: `$${field}`, n: { $sum: 1 } } },
  ]);
  return new Map(rows.map((r) => [String(r._id), r.n]));
}
