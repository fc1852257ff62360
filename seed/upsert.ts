// Upsert by code that leaves a record alone when it already holds the seed values, so a
// second run writes nothing (not even updatedAt).
import { isDeepStrictEqual } from 'node:util';
import type { Model } from 'mongoose';

/** Writes each record whose stored copy differs; returns how many were inserted or changed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any catalogue model, whatever its schema
export async function upsertByCode(model: Model<any>, records: readonly { code: string }[]): Promise<number> {
  const stored = await model.find({ code: { $in: records.map((r) => r.code) } }).lean();
  const byCode = new Map(stored.map((doc) => [String(doc.code), doc]));
  let changed = 0;
  for (const record of records) {
    const wanted = normalised(model, record);
    const current = byCode.get(record.code);
    if (current && isDeepStrictEqual(wanted, plain(pick(current, Object.keys(wanted))))) continue;
    await model.updateOne({ code: record.code }, { $set: wanted }, { upsert: true, runValidators: true });
    changed += 1;
  }
  return changed;
}

/** The record with the model's defaults and casts applied, limited to the fields it names. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
function normalised(model: Model<any>, record: object): Record<string, unknown> {
  const full = new model(record).toObject({ versionKey: false }) as Record<string, unknown>;
  return plain(pick(full, Object.keys(record)));
}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, source[key]]));
}

/** JSON-shaped copy: drops prototypes (mongoose arrays, ObjectIds) for a fair comparison. */
function plain(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value));
}
