// The public service guide (办事指南) of an item: the stored item with its department and
// windows resolved, in the field order of the contract.
import type { Department } from '../../models/department.ts';
import type { Item } from '../../models/item.ts';
import type { Window } from '../../models/window.ts';

export interface WindowRef {
  code: string;
  name: string;
  hallCode: string;
  location: string;
}

export type Guide = ReturnType<typeof buildGuide>;
export type GuideSummary = ReturnType<typeof summarise>;

/** Builds the full guide; unknown department or window codes are shown by code. */
export function buildGuide(item: Item, departments: Map<string, Department>, windows: Map<string, Window>) {
  const department = departments.get(item.department);
  const fee = item.fee ?? { charged: false, items: [] };
  return {
    code: item.code,
    name: item.name,
    department: { code: item.department, name: department?.name ?? item.department },
    category: item.category,
    caseType: item.caseType,
    conditions: item.conditions,
    materials: item.materials.map((m) => ({
      name: m.name,
      form: m.form,
      copies: m.copies,
      required: m.required,
      blankFormUrl: m.blankFormUrl,
      sampleUrl: m.sampleUrl,
      acceptanceStandard: m.acceptanceStandard,
      source: m.source,
      note: m.note,
      deferrable: m.deferrable ?? false,
    })),
    process: item.process.map((p) => ({ step: p.step ?? '', description: p.description ?? '' })),
    legalLimitDays: item.legalLimitDays,
    promisedLimitDays: item.promisedLimitDays,
    fee: {
      charged: fee.charged,
      items: fee.items.map((f) => ({ name: f.name, amountFen: f.amountFen, basis: f.basis, waivable: f.waivable })),
      description: fee.charged ? describeFee(fee.items) : '不收费',
    },
    windows: item.windows.map((code): WindowRef => {
      const window = windows.get(code);
      return { code, name: window?.name ?? code, hallCode: window?.hallCode ?? '', location: window?.location ?? '' };
    }),
    hours: item.hours,
    helpline: item.helpline,
    complaintLine: item.complaintLine,
    visits: item.visits,
    onsiteReason: item.onsiteReason,
    onlineBooking: item.onlineBooking,
    onlinePreReview: item.onlinePreReview,
    onlinePayment: item.onlinePayment,
    deliveryByPost: item.deliveryByPost,
    highFrequency: item.highFrequency,
    keywords: [...item.keywords],
    faq: item.faq.map((f) => ({ q: f.q ?? '', a: f.a ?? '' })),
    legalBasis: item.legalBasis,
    published: item.published,
  };
}

/** The list entry of an item in the catalogue. */
export function summarise(guide: ReturnType<typeof buildGuide>) {
  return {
    code: guide.code,
    name: guide.name,
    department: guide.department,
    category: guide.category,
    caseType: guide.caseType,
    promisedLimitDays: guide.promisedLimitDays,
    visits: guide.visits,
    highFrequency: guide.highFrequency,
    onlineBooking: guide.onlineBooking,
    onlinePreReview: guide.onlinePreReview,
    feeCharged: guide.fee.charged,
  };
}

function describeFee(items: readonly { name: string; amountFen: number }[]): string {
  return items.map((f) => `${f.name} ${(f.amountFen / 100).toFixed(2)} 元`).join('；');
}
