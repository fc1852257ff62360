// Resident ID numbers (GB 11643-1999): a region code (GB/T 2260), the birth date, a sequence
// number and a check character (0-9 or X). Checked against reality: the region must be a real
// division (services/pii/divisions.ts) and the birth date a real day, not after today.
import { isKnownRegionCode } from './divisions.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** No one alive was born before this (the oldest documented people reached about 120). */
const EARLIEST_BIRTH = '19000101';

/**
 * What is wrong with an ID number, in Chinese for the citizen; undefined when it is right.
 * `today` is the business date (YYYY-MM-DD) a birth date may not be after.
 */
export function idNumberProblem(id: string, today: string): string | undefined {
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为 18 位：17 位数字加 1 位校验码（数字或 X）';
  const birth = id.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replaceAll('-', '') !== birth) return '身份证号码中的出生日期不存在';
  if (birth > today.replaceAll('-', '')) return '身份证号码中的出生日期晚于今天';
  if (birth < EARLIEST_BIRTH) return '身份证号码中的出生日期早于 1900 年';
  if (!isKnownRegionCode(id.slice(0, 6), Number(birth.slice(0, 4)))) return '身份证号码前 6 位不是有效的行政区划代码';
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(id[index]), 0);
  if (CHECK_CHARS[sum % 11] !== id[17]) return '身份证号码校验码不正确，请核对';
  return undefined;
}

/** Normalises the check character to upper case and strips spaces. */
export const normaliseIdNumber = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();
