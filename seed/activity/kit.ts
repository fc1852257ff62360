// Shared helpers of the demo activity: deterministic ids and randomness (so a second load
// collides on every _id and inserts nothing), a Monday–Friday fallback for years without
// calendar data, made-up citizens with valid ID numbers, and duplicate-tolerant inserts.
import { createHash } from 'node:crypto';
import { MongoBulkWriteError, type Collection, type Document } from 'mongodb';
import { Types } from 'mongoose';
import { config } from '../../server/config.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';
import { CalendarGapError, type WorkingDayCalendar } from '../../services/calendar/working-days.ts';
import { addDays, isoWeekday, zonedInstant } from '../../services/calendar/zoned-time.ts';
import { encryptPii, hashPii } from '../../services/pii/crypto.ts';

/** An ObjectId derived from its parts: the same parts give the same id on every load. */
export const demoId = (...parts: (string | number)[]) =>
  new Types.ObjectId(
    createHash('sha256')
      .update(`demo:${parts.join(':')}`)
      .digest()
      .subarray(0, 12),
  );

/** A small seeded generator (mulberry32), one per day and kind. */
export function rngFor(...parts: (string | number)[]) {
  let state = createHash('sha256').update(parts.join(':')).digest().readUInt32LE(0);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rngFor>;

/** Working day by the calendar; in a year without data, Monday–Friday (the demo never stops for a gap). */
export function workingDayTest(calendar: WorkingDayCalendar) {
  return (date: string) => {
    try {
      return calendar.isWorkingDay(date);
    } catch (error) {
      if (!(error instanceof CalendarGapError)) throw error;
      return isoWeekday(date) <= 5;
    }
  };
}

/** The `n` working days before `today` (oldest first), and today when it is one. */
export function activityDays(isWorking: (date: string) => boolean, today: string, n: number): string[] {
  const days: string[] = [];
  for (let date = addDays(today, -1); days.length < n; date = addDays(date, -1)) if (isWorking(date)) days.unshift(date);
  if (isWorking(today)) days.push(today);
  return days;
}

/** The Nth working day after `date` under `isWorking`. */
export function addWorking(isWorking: (date: string) => boolean, date: string, n: number): string {
  let current = date;
  for (let found = 0; found < n;) {
    current = addDays(current, 1);
    if (isWorking(current)) found++;
  }
  return current;
}

export const at = (date: string, time: string) => zonedInstant(date, time, config.TZ_NAME);
export const plusMinutes = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * 60_000);

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '建国',
  '玉兰',
  '海燕',
  '志强',
  '子涵',
  '浩然',
  '欣怡',
  '雨轩',
  '文博',
  '梓萱',
  '宇航',
  '晓东',
];
/** Region codes of the demo county's province (浙江 温州 区县), real GB/T 2260 divisions. */
const REGIONS = ['330302', '330303', '330304', '330324', '330326', '330327', '330328', '330329'];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A made-up resident ID number with a valid region, birth date and check character. */
export function demoIdNumber(rng: Rng, today: string): string {
  const year = Number(today.slice(0, 4)) - rng.int(18, 75);
  const birth = `${year}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const body = `${rng.pick(REGIONS)}${birth}${String(rng.int(1, 999)).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11]!;
}

export interface DemoCitizen {
  _id: Types.ObjectId;
  nameEnc: string;
  openid: string;
  doc: Document;
}

/** A verified demo citizen, its personal data sealed as services/citizens/profile.ts does. */
export function demoCitizen(key: string, today: string, createdAt: Date): DemoCitizen {
  const rng = rngFor('citizen', key);
  const name = rng.pick([...SURNAMES]) + rng.pick(GIVEN);
  const idNumber = demoIdNumber(rng, today);
  const phone = `1${rng.pick(['35', '38', '39', '58', '59', '77', '86', '88'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  const _id = demoId('citizen', key);
  const nameEnc = encryptPii(name);
  const openid = `demo-openid-${_id.toHexString()}`;
  const doc = {
    _id,
    openid,
    unionid: null,
    nameEnc,
    idNumberEnc: encryptPii(idNumber),
    idNumberHash: hashPii(idNumber),
    phoneEnc: encryptPii(phone),
    phoneHash: hashPii(phone),
    verified: true,
    bannedUntil: null,
    createdAt,
    updatedAt: createdAt,
  };
  return { _id, nameEnc, openid, doc };
}

/** Inserts in batches, unordered; documents already there (duplicate keys) are skipped. Returns how many were inserted. */
export async function insertNew(collection: Collection, docs: Document[], batch = 1000): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < docs.length; i += batch) {
    try {
      inserted += (await collection.insertMany(docs.slice(i, i + batch), { ordered: false })).insertedCount;
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const failures = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
      if (!failures.every(isDuplicateKey)) throw error;
      inserted += error.insertedCount;
    }
  }
  return inserted;
}
