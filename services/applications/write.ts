// Every write of an existing application: one guarded update whose filter names the state it
// expects, stamped with `updatedAt` (what 办件公示 reads "changed since" by). A status change
// and its history entry are the same update, so two staff clicking at once cannot both win:
// the loser's filter matches nothing, and a re-read answers why (404, 409 INVALID_STATE …).
import type { UpdateQuery } from 'mongoose';
import { ApplicationModel, type Application, type ApplicationStatus } from '../../models/application.ts';
import { invalidState, notFound } from '../../server/errors.ts';
import { emitEvent } from '../webhooks/events.ts';
import { findApplication, type ApplicationDoc } from './find.ts';

export { findApplication, type ApplicationDoc } from './find.ts';

/** Who made a change, as kept in history. */
export interface Actor {
  kind: 'citizen' | 'staff' | 'system';
  id: string;
}

/**
 * Applies `update` to application `id` if it still matches `guard`, answering the updated
 * application, or null when it does not match. `updatedAt` is set to `now` (not mongoose's own
 * clock, so an injected time is the one stored).
 */
export async function updateApplication(
  id: string,
  guard: Record<string, unknown>,
  update: UpdateQuery<Application>,
  now: Date,
  arrayFilters?: Record<string, unknown>[],
): Promise<ApplicationDoc | null> {
  const stamped = { ...update, $set: { ...update.$set, updatedAt: now } };
  const options = { returnDocument: 'after' as const, timestamps: false, ...(arrayFilters ? { arrayFilters } : {}) };
  return ApplicationModel.findOneAndUpdate({ _id: id, ...guard }, stamped, options).lean<ApplicationDoc>();
}

export interface TransitionRequest {
  id: string;
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  by: Actor;
  at: Date;
  note?: string;
  /** Chinese name of the action for the 409 message (提交, 审核 …). */
  action: string;
  set?: Record<string, unknown>;
  /** More of the state the change expects, beyond its status (the fee a completion checked). */
  guard?: Record<string, unknown>;
  /** When refused, run on the re-read before the status is blamed: throws the conflict `guard` stood for. */
  recheck?: (current: ApplicationDoc) => void;
}

/** Changes the status and appends its history entry in one update; 404 NOT_FOUND or 409 INVALID_STATE when refused. */
export async function transition(request: TransitionRequest): Promise<ApplicationDoc> {
  const { id, from, to, by, at, note = '' } = request;
  const update = { $set: { status: to, ...request.set }, $push: { history: { status: to, at, by, note } } };
  const updated = await updateApplication(id, { ...request.guard, status: { $in: from } }, update, at);
  if (!updated) throw await refusal(id, request.action, request.recheck);
  await emitStatusChanged(updated, at);
  return updated;
}

/**
 * Tells partner systems (webhooks) of the application's new status: ids, codes and dates, never
 * the applicant. Called for every transition, and for a case created already accepted (walk-in).
 */
export function emitStatusChanged(application: ApplicationDoc, at: Date): Promise<number> {
  const previous = application.history.at(-2)?.status ?? null;
  return emitEvent(
    'application.status_changed',
    {
      applicationId: String(application._id),
      itemCode: application.itemCode,
      department: application.department,
      previousStatus: previous,
      status: application.status,
      changedAt: at.toISOString(),
      acceptedDate: application.acceptedDate ?? null,
      deadline: application.deadline ?? null,
      completedDate: application.completedDate ?? null,
    },
    at,
  );
}

/** Why a guarded write matched nothing, re-read: 404 when the application is gone, else `recheck`'s conflict, else its status. */
export async function refusal(id: string, action: string, recheck?: (current: ApplicationDoc) => void) {
  const current = await findApplication(id);
  if (!current) return notFound('申请');
  recheck?.(current);
  return invalidState(current.status, action);
}
