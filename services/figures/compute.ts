// One day's figures for every scope, computed from the records alone, so computing a day again
// gives the same answer. Each record counts on the day its event happened:
// bookings and no-shows on the booked date; check-ins, walk-ins, waits (issued → called) and
// handling (called → finished) on the ticket's date; cases on their acceptance and completion
// dates; ratings on the day given; rectifications on the day closed (on time: by their deadline).
// Scopes: `center`, `department:D`, `item:C`, `window:W`. Windows have queue figures only (a
// booking or case belongs to a window only through the ticket called there).
import { ApplicationModel } from '../../models/application.ts';
import { AppointmentModel } from '../../models/appointment.ts';
import { EvaluationModel } from '../../models/evaluation.ts';
import { QueueTicketModel } from '../../models/queue-ticket.ts';
import { RectificationModel } from '../../models/rectification.ts';
import { addDays, zonedDate, zonedInstant } from '../calendar/zoned-time.ts';
import { addDuration, BAD_MAX_SCORE, emptyTally, SATISFIED_MIN_SCORE, type Tally } from './tally.ts';

export const CENTER_SCOPE = 'center';
export type ScopeKind = 'center' | 'department' | 'item' | 'window';

interface Where {
  department?: string | null;
  itemCode?: string | null;
  window?: string | null;
}

/** The scopes a record counts in. */
function scopesOf(where: Where): string[] {
  const scopes = [CENTER_SCOPE];
  if (where.department) scopes.push(`department:${where.department}`);
  if (where.itemCode) scopes.push(`item:${where.itemCode}`);
  if (where.window) scopes.push(`window:${where.window}`);
  return scopes;
}

/** Every scope's tally of `date` (only scopes something happened in). */
export async function computeDay(date: string, timeZone: string): Promise<Map<string, Tally>> {
  const tallies = new Map<string, Tally>();
  const count = (where: Where, add: (tally: Tally) => void) => {
    for (const scope of scopesOf(where)) {
      let tally = tallies.get(scope);
      if (!tally) tallies.set(scope, (tally = emptyTally()));
      add(tally);
    }
  };
  const start = zonedInstant(date, '00:00', timeZone);
  const end = zonedInstant(addDays(date, 1), '00:00', timeZone);

  // By date alone (the index's equality prefix); cancelled bookings are skipped here.
  const appointments = AppointmentModel.find({ date }, 'department itemCode status').lean().cursor();
  for await (const a of appointments) {
    if (a.status === 'cancelled') continue;
    count(a, (t) => {
      t.bookings += 1;
      if (a.status === 'no_show') t.noShows += 1;
    });
  }

  const tickets = QueueTicketModel.find({ date }, 'department itemCode source calledWindow issuedAt calledAt servedAt status').lean().cursor();
  for await (const ticket of tickets) {
    count({ ...ticket, window: ticket.calledWindow }, (t) => {
      if (ticket.source === 'walk_in') t.walkIns += 1;
      else t.checkIns += 1;
      addDuration(t.wait, ticket.issuedAt, ticket.calledAt);
      if (ticket.status === 'served') addDuration(t.handling, ticket.calledAt, ticket.servedAt);
    });
  }

  for await (const c of ApplicationModel.find({ acceptedDate: date }, 'department itemCode').lean().cursor()) {
    count(c, (t) => (t.accepted += 1));
  }
  const completed = ApplicationModel.find({ completedDate: date }, 'department itemCode onTime onsiteVisits').lean().cursor();
  for await (const c of completed) {
    count(c, (t) => {
      t.completed += 1;
      if (c.onTime) t.completedOnTime += 1;
      if (c.onsiteVisits != null && c.onsiteVisits <= 1) t.oneVisit += 1;
    });
  }

  for await (const e of EvaluationModel.find({ createdAt: { $gte: start, $lt: end } }, 'department itemCode score')
    .lean()
    .cursor()) {
    count(e, (t) => {
      t.ratings += 1;
      t.scoreSum += e.score;
      if (e.score >= SATISFIED_MIN_SCORE) t.satisfied += 1;
      if (e.score <= BAD_MAX_SCORE) t.badRatings += 1;
    });
  }

  const closed = RectificationModel.find({ closedAt: { $gte: start, $lt: end } }, 'department itemCode deadline closedAt')
    .lean()
    .cursor();
  for await (const r of closed) {
    count(r, (t) => {
      t.rectified += 1;
      if (r.closedAt && zonedDate(r.closedAt, timeZone) <= r.deadline) t.rectifiedOnTime += 1;
    });
  }
  return tallies;
}
