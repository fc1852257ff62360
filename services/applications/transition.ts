// The one way an application changes status: a claimed change (revision.ts) allowed only from
// the listed statuses, appending to history. Two staff clicking at once cannot both succeed:
// the loser re-reads the new status and gets 409 INVALID_STATE.
import type { ApplicationStatus } from '../../models/application.ts';
import { invalidState } from '../../server/errors.ts';
import type { ApplicationDoc } from './find.ts';
import { changeApplication } from './revision.ts';

export { findApplication, type ApplicationDoc } from './find.ts';

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
  /** Further checks on the current record; throw to refuse. */
  check?: (current: ApplicationDoc) => void | Promise<void>;
}

/** Applies the change or throws 404 NOT_FOUND / 409 INVALID_STATE (or what `check` throws). */
export async function transition(request: TransitionRequest): Promise<ApplicationDoc> {
  const { id, from, to, by, at, note = '' } = request;
  const { after } = await changeApplication(
    id,
    async (current) => {
      if (!from.includes(current.status)) throw invalidState(current.status, request.action);
      await request.check?.(current);
      return { $set: { status: to, ...request.set }, $push: { history: { status: to, at, by, note } } };
    },
    at,
  );
  return after;
}
