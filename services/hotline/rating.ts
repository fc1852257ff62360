// Satisfaction: the citizen rates the reply (满意/基本满意/不满意) within the window, or an
// operator records a phone 回访. 不满意 reopens the request once for the same department (the
// first reply is kept); otherwise the rating closes it (办结). Replies not rated in time close
// by themselves (closeUnrated, run by the supervision job).
import { HotlineRequestModel, type HotlineRequestDoc, type RATINGS } from '../../models/hotline-request.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { conflict, invalidState, notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/record.ts';
import { limitsFor } from './limits.ts';
import { findCategory } from './categories.ts';
import { findRequest, historyEntry, transition, type Actor } from './transition.ts';
import { deadlineCalendar, workingDaysAfter } from './working-time.ts';

type Rating = (typeof RATINGS)[number];

async function rate(request: HotlineRequestDoc, value: Rating, by: 'citizen' | 'operator', actor: Actor, now: Date): Promise<HotlineRequestDoc> {
  const rating = { value, by, at: now };
  const refuse = (current: HotlineRequestDoc): never => {
    if (current.status !== 'replied') throw invalidState(current.status, '评价');
    if (current.ratingDue && current.ratingDue < now) throw conflict('RATING_WINDOW_CLOSED', '评价期限已过');
    throw conflict('ALREADY_RATED', '该答复已评价');
  };
  const open = { status: 'replied', ratingDue: { $gte: now } };
  if (value === '不满意' && !request.reopened) {
    const category = await findCategory(request.category);
    const replyDue = workingDaysAfter(await deadlineCalendar(now), now, limitsFor(request.type, category).replyDays);
    return transition(
      request._id,
      { ...open, reopened: false },
      { $set: { status: 'signed', reopened: true, rating, replyDue, ratingDue: null } },
      { action: 'reopened', actor, now, note: value },
      refuse,
    );
  }
  return transition(request._id, open, { $set: { status: 'closed', rating, closedAt: now } }, { action: 'rated', actor, now, note: value }, refuse);
}

/** The citizen's own rating; someone else's request is not shown to exist. */
export async function rateByCitizen(citizenId: string, id: string, value: Rating, now: Date): Promise<HotlineRequestDoc> {
  const request = await findRequest(id);
  if (!request || String(request.citizenId) !== citizenId) throw notFound('诉求');
  return rate(request, value, 'citizen', { kind: 'citizen', id: citizenId }, now);
}

/** An operator's phone 回访 recording the citizen's rating (audited). */
export async function recordCallback(operator: StaffPrincipal, id: string, value: Rating, now: Date, requestId?: string): Promise<HotlineRequestDoc> {
  const request = await findRequest(id);
  if (!request) throw notFound('诉求');
  const changed = await rate(request, value, 'operator', operator, now);
  await recordAudit({ actor: operator, action: 'callback', entity: 'hotline_request', entityId: changed.number, after: { rating: value }, requestId }, now);
  return changed;
}

/** Closes replies whose rating window has passed (办结 without a rating); answers how many. */
export async function closeUnrated(now: Date): Promise<number> {
  const step = historyEntry({ action: 'closed', actor: { kind: 'system', id: 'hotline-supervision' }, now, note: '评价期满自动办结' });
  const result = await HotlineRequestModel.updateMany(
    { status: 'replied', ratingDue: { $lt: now } },
    { $set: { status: 'closed', closedAt: now }, $push: { history: step } },
  );
  return result.modifiedCount;
}

/** Links a new request to an open one about the same thing; the duplicate's citizen is told with the original's reply. */
export async function mergeRequest(operator: StaffPrincipal, id: string, into: string, now: Date, requestId?: string): Promise<HotlineRequestDoc> {
  const [duplicate, original] = await Promise.all([findRequest(id), findRequest(into)]);
  if (!duplicate || !original) throw notFound('诉求');
  if (duplicate._id.equals(original._id) || original.mergedInto) throw conflict('CANNOT_MERGE', '不能合并到该诉求');
  if (['closed', 'merged'].includes(original.status)) throw conflict('CANNOT_MERGE', '只能合并到未办结的诉求', { status: original.status });
  const changed = await transition(
    duplicate._id,
    { status: 'received' },
    { $set: { status: 'merged', mergedInto: original.number } },
    { action: 'merged', actor: operator, now, note: original.number },
    (current) => {
      throw invalidState(current.status, '合并');
    },
  );
  await HotlineRequestModel.updateOne(
    { _id: original._id },
    { $push: { history: historyEntry({ action: 'duplicate_linked', actor: operator, now, note: changed.number }) } },
  );
  await recordAudit(
    { actor: operator, action: 'merge', entity: 'hotline_request', entityId: changed.number, after: { into: original.number }, requestId },
    now,
  );
  return changed;
}
