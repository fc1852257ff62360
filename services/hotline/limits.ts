// Time limits per request type (the seed county's): first contact within 1 working day; the reply
// within 1 working day for questions, 3 for help, 5 for complaints, reports and suggestions; the
// department signs for a dispatched request within 1 working hour. A category may override each.
import type { HotlineType } from '../../models/hotline-request.ts';

export interface Limits {
  contactDays: number;
  replyDays: number;
  signHours: number;
}

const REPLY_DAYS: Record<HotlineType, number> = { 咨询: 1, 求助: 3, 投诉: 5, 建议: 5, 举报: 5 };

export const DEFAULT_CONTACT_DAYS = 1;
export const DEFAULT_SIGN_HOURS = 1;

/** The limits of a request of `type` in a category with these overrides (null: the default). */
export function limitsFor(type: HotlineType, category: { contactDays?: number | null; replyDays?: number | null; signHours?: number | null } | null): Limits {
  return {
    contactDays: category?.contactDays ?? DEFAULT_CONTACT_DAYS,
    replyDays: category?.replyDays ?? REPLY_DAYS[type],
    signHours: category?.signHours ?? DEFAULT_SIGN_HOURS,
  };
}
