// Monthly hotline figures per department, computed from the records (never from counters that
// drift): the publishing job precomputes them into hotline_monthly, and recomputing a month
// reproduces its rows. A request counts in the month it was received, for its lead department;
// a return counts for the department that returned it. "On time" is against the original
// deadlines: an approved extension does not make a late reply punctual.
import { HotlineMonthlyModel, type HotlineMonthly } from '../../models/hotline-monthly.ts';
import { HotlineRequestModel } from '../../models/hotline-request.ts';

export type MonthlyFigures = Omit<HotlineMonthly, 'computedAt'>;

const count = (condition: unknown) => ({ $sum: { $cond: [condition, 1, 0] } });
const onTime = (at: string, due: string) => ({ $and: [{ $ne: [at, null] }, { $ne: [due, null] }, { $lte: [at, due] }] });

/**
 * The records a month's figures count: those with a lead department. A merged duplicate never
 * has one (only a request still at the center can be merged), so it needs no condition of its
 * own; `$gt: ''` rather than `$type` lets the planner use the {month, department} index.
 */
export const figuresMatch = (month: string) => ({ month, department: { $gt: '' } });

/** The figures of `month` (YYYY-MM) for every department, straight from the records. */
export async function computeMonth(month: string): Promise<MonthlyFigures[]> {
  const [main, returns] = await Promise.all([
    HotlineRequestModel.aggregate<Omit<MonthlyFigures, '_id' | 'month' | 'returned'> & { _id: string }>([
      { $match: figuresMatch(month) },
      {
        $group: {
          _id: '$department',
          received: { $sum: 1 },
          signedOnTime: count(onTime('$signedAt', '$signDue')),
          contactedOnTime: count(onTime('$contactedAt', '$contactDue')),
          repliedOnTime: count(onTime('$firstRepliedAt', '$originalReplyDue')),
          replied: count({ $ne: ['$firstRepliedAt', null] }),
          rated: count({ $ne: ['$rating.value', null] }),
          satisfied: count({ $in: ['$rating.value', ['满意', '基本满意']] }),
          extended: count({ $eq: ['$extension.status', 'approved'] }),
          reopened: count({ $eq: ['$reopened', true] }),
        },
      },
    ]),
    HotlineRequestModel.aggregate<{ _id: string; returned: number }>([
      { $match: { month, 'returnedBy.0': { $exists: true } } },
      { $unwind: '$returnedBy' },
      { $group: { _id: '$returnedBy', returned: { $sum: 1 } } },
    ]),
  ]);
  const returned = new Map(returns.map((r) => [r._id, r.returned]));
  const zero = { received: 0, signedOnTime: 0, contactedOnTime: 0, repliedOnTime: 0, replied: 0, rated: 0, satisfied: 0, extended: 0, reopened: 0 };
  const departments = new Set([...main.map((m) => m._id), ...returned.keys()]);
  return [...departments].sort().map((department) => {
    const { _id, ...figures } = main.find((m) => m._id === department) ?? { _id: department, ...zero };
    void _id;
    return { _id: `${month}:${department}`, month, department, ...figures, returned: returned.get(department) ?? 0 };
  });
}

/** Recomputes `month` into hotline_monthly (rows of departments that no longer have any are removed). */
export async function precomputeMonth(month: string, now: Date): Promise<MonthlyFigures[]> {
  const rows = await computeMonth(month);
  if (rows.length) {
    await HotlineMonthlyModel.bulkWrite(
      rows.map((row) => ({ replaceOne: { filter: { _id: row._id }, replacement: { ...row, computedAt: now }, upsert: true } })),
    );
  }
  await HotlineMonthlyModel.deleteMany({ month, _id: { $nin: rows.map((r) => r._id) } });
  return rows;
}

/** The precomputed rows of `month` (what the figures pages read). */
export async function storedMonth(month: string): Promise<HotlineMonthly[]> {
  return HotlineMonthlyModel.find({ month }).sort({ department: 1 }).limit(1000).lean<HotlineMonthly[]>();
}

const ratio = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : 0);

/** A row as published: counts plus the reply and satisfaction rates. */
export function presentFigures(row: MonthlyFigures) {
  return {
    month: row.month,
    department: row.department,
    received: row.received,
    signedOnTime: row.signedOnTime,
    contactedOnTime: row.contactedOnTime,
    repliedOnTime: row.repliedOnTime,
    replied: row.replied,
    replyRate: ratio(row.replied, row.received),
    rated: row.rated,
    satisfied: row.satisfied,
    satisfactionRate: row.rated ? ratio(row.satisfied, row.rated) : null,
    returned: row.returned,
    extended: row.extended,
    reopened: row.reopened,
  };
}
