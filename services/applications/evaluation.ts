// 好差评: the owner rates a completed case once. A 差评 (1–2) opens a rectification (整改)
// for the department. Staff read ratings without the rater.
import { EvaluationModel, type Evaluation } from '../../models/evaluation.ts';
import { RectificationModel } from '../../models/rectification.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { config } from '../../server/config.ts';
import { conflict, invalidState } from '../../server/errors.ts';
import type { Types } from 'mongoose';
import { findPage, type Page } from '../../server/pagination.ts';
import { businessDate } from './business-date.ts';
import { ownApplication } from './citizen.ts';
import { refusal, updateApplication } from './write.ts';
import { addWorkingDays } from './working-days.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';
import { emitEvent } from '../webhooks/events.ts';

/** Scores at or below this are 差评. */
export const POOR_SCORE = 2;

export interface Rating {
  score: number;
  comment: string;
}

/** Records the rating; 409 INVALID_STATE before completion, 409 ALREADY_EVALUATED the second time. */
export async function evaluateCase(citizenId: string, id: string, rating: Rating, now = new Date()) {
  const application = await ownApplication(citizenId, id);
  if (application.status !== 'completed') throw invalidState(application.status, '评价');
  // The unique index on evaluations.applicationId is the "once" rule: one insert wins.
  const evaluation = await EvaluationModel.create({
    applicationId: application._id,
    citizenId,
    department: application.department,
    itemCode: application.itemCode,
    score: rating.score,
    comment: rating.comment,
    createdAt: now,
  }).catch((error: unknown) => {
    if (isDuplicateKey(error)) throw conflict('ALREADY_EVALUATED', '该办件已评价，不能重复评价');
    throw error;
  });
  const claimed = await updateApplication(
    id,
    { status: 'completed', evaluated: false },
    { $set: { evaluated: true, evaluationScore: rating.score, evaluatedAt: now } },
    now,
  );
  if (!claimed) throw await refusal(id, '评价'); // cannot happen while the evaluation's insert is the only way in
  if (rating.score <= POOR_SCORE) {
    await RectificationModel.create({
      applicationId: claimed._id,
      evaluationId: evaluation._id,
      department: claimed.department,
      itemCode: claimed.itemCode,
      score: rating.score,
      comment: rating.comment,
      status: 'open',
      openedAt: now,
      deadline: await addWorkingDays(businessDate(now), config.RECTIFICATION_WORKING_DAYS),
    });
  }
  // The comment stays here: it is free text a citizen may have put personal data in.
  await emitEvent(
    'evaluation.created',
    {
      evaluationId: String(evaluation._id),
      applicationId: String(claimed._id),
      itemCode: claimed.itemCode,
      department: claimed.department,
      score: rating.score,
      poor: rating.score <= POOR_SCORE,
      createdAt: now.toISOString(),
    },
    now,
  );
  return { application: claimed, evaluation: evaluation.toObject() };
}

/** Ratings of the staff member's department (all for center admins), newest first. */
export async function listDepartmentEvaluations(staff: StaffPrincipal, page: Page) {
  const filter = staff.role === 'center_admin' ? {} : { department: staff.department };
  // The rater is never read for staff.
  return findPage<Omit<Evaluation, 'citizenId'> & { _id: Types.ObjectId }>(EvaluationModel, filter, { createdAt: -1, _id: -1 }, page, { citizenId: 0 });
}
