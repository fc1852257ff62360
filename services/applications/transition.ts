// The one way an application changes status: a single conditional update guarded by the
// current status (and any extra guard), appending to history. Two staff clicking at once
// cannot both succeed: the loser matches nothing and gets 409 INVALID_STATE.
import { isValidObjectId } from 'mongoose';
import type { Types } from 'mongoose';
import { ApplicationModel, type Application, type ApplicationStatus } from '../../models/application.ts';
import { invalidState, notFound } from '../../server/errors.ts';

/** Who made a change, as kept in history. */
export interface Actor {
  kind: 'citizen' | 'staff' | 'system';
  id: string;
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
  guard?: Record<string, unknown>;
}

/** An application as read with lean(). */
export type ApplicationDoc = Application & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

/** The application or null; malformed ids are simply unknown. */
export async function findApplication(id: string): Promise<ApplicationDoc | null> {
  if (!isValidObjectId(id)) return null;
  return ApplicationModel.findById(id).lean<ApplicationDoc>();
}

/** Applies the change atomically or throws 404 NOT_FOUND / 409 INVALID_STATE. */
export async function transition(request: TransitionRequest): Promise<ApplicationDoc> {
  const { id, from, to, by, at, note = '' } = request;
  const updated = await ApplicationModel.findOneAndUpdate(
    { _id: id, status: { $in: [...from] }, ...request.guard },
    { $set: { status: to, ...request.set }, $push: { history: { status: to, at, by, note } } },
    { returnDocument: 'after' },
  ).lean<ApplicationDoc>();
  if (updated) return updated;
  const current = await findApplication(id);
  if (!current) throw notFound('申请');
  throw invalidState(current.status, request.action);
}
