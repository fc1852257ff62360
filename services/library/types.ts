// Material types: which type an item's material is, and how long an approved file of it stays
// valid. A material no type maps is its own type (by name), valid for DEFAULT_VALID_MONTHS.
import { MaterialTypeModel } from '../../models/material-type.ts';

export const DEFAULT_VALID_MONTHS = 6;

export interface ResolvedType {
  code: string;
  name: string;
  validMonths: number;
  expiryEntered: boolean;
}

/** The types of `materialNames`, by material name (one query). */
export async function typesOf(materialNames: readonly string[]): Promise<Map<string, ResolvedType>> {
  const names = [...new Set(materialNames)];
  const mapped = await MaterialTypeModel.find({ materialNames: { $in: names } }).lean();
  const byName = new Map<string, ResolvedType>();
  for (const name of names) {
    const type = mapped.find((t) => t.materialNames.includes(name));
    byName.set(
      name,
      type
        ? { code: type.code, name: type.name, validMonths: type.validMonths, expiryEntered: type.expiryEntered }
        : { code: `name:${name}`, name, validMonths: DEFAULT_VALID_MONTHS, expiryEntered: false },
    );
  }
  return byName;
}

/** `date` (YYYY-MM-DD) plus `months`, clamped to the month's last day (08-31 + 6 months = 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
