// The one way a hotline request changes: a guarded findOneAndUpdate whose filter names the state
// it expects, with the history entry pushed in the same update. When it matches nothing the
// request is read again and the precise conflict answered.
import { Types, type UpdateQuery } from 'mongoose';
import { HotlineRequestModel, type HotlineRequestDoc } from '../../models/hotline-request.ts';
import type { Principal } from '../../server/auth/principal.ts';
import { notFound } from '../../server/errors.ts';

export type Actor = Principal | { kind: 'system'; id: string };

export interface Step {
  action: string;
  actor: Actor;
  now: Date;
  note?: string;
  internal?: boolean;
}

/** The filter of one request by its id or its number (12345-YYYYMMDD-000123). */
export function byIdOrNumber(id: string): Record<string, unknown> {
  if (Types.ObjectId.isValid(id) && /^[0-9a-f]{24}$/i.test(id)) return { _id: new Types.ObjectId(id) };
  return { number: id };
}

export async function findRequest(id: string): Promise<HotlineRequestDoc | null> {
  return HotlineRequestModel.findOne(byIdOrNumber(id)).lean<HotlineRequestDoc>();
}

export const historyEntry = ({ action, actor, now, note = '', internal = false }: Step) => ({
  action,
  at: now,
  by: { kind: actor.kind, id: actor.id },
  note,
  internal,
});

/**
 * Applies `update` to the request `_id` if it still matches `expected`; answers the changed
 * request, or calls `refuse` with the current one (which throws the precise conflict).
 */
export async function transition(
  _id: Types.ObjectId,
  expected: Record<string, unknown>,
  update: UpdateQuery<HotlineRequestDoc>,
  step: Step,
  refuse: (current: HotlineRequestDoc) => never,
): Promise<HotlineRequestDoc> {
  const push = { ...(update.$push ?? {}), history: historyEntry(step) };
  const changed = await HotlineRequestModel.findOneAndUpdate(
    { _id, ...expected },
    { ...update, $push: push },
    { returnDocument: 'after' },
  ).lean<HotlineRequestDoc>();
  if (changed) return changed;
  const current = await HotlineRequestModel.findById(_id).lean<HotlineRequestDoc>();
  if (!current) throw notFound('诉求');
  return refuse(current);
}
