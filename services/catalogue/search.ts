// Catalogue search over an in-memory index: Chinese substrings of the name, of its common
// abbreviation (社保卡 for 社会保障卡) and of the keywords; pinyin, full or by initials, of each,
// with every reading of a polyphonic character (行: hang and xing). Pure: no database, no Koa.
import { abbreviatedName } from './abbreviations.ts';
import type { Guide, GuideSummary } from './guide.ts';
import { summarise } from './guide.ts';
import { contextPinyin, readingsOf, spelledBy, spellingsOf, type Spellings } from './pinyin.ts';

export interface SearchEntry {
  guide: Guide;
  summary: GuideSummary;
  name: string;
  keywords: string[];
  /** The name with official words shortened (社保卡补领), if any apply. */
  shortName?: string;
  /** Pinyin initials of the name in context, lower case: 居民身份证换领 → jmsfzhl. */
  initials: string;
  /** Full pinyin of the name in context without spaces, lower case. */
  fullPinyin: string;
  /** Every reading of each character of the name. */
  nameSpellings: Spellings;
  /** Every reading of each character of the short name and of the keywords. */
  otherSpellings: Spellings;
}

export interface SearchQuery {
  q?: string;
  /** A department code, compared without regard to case. */
  department?: string;
  category?: string;
  highFrequency?: boolean;
}

/** Precomputes what search needs for one item. */
export function toSearchEntry(guide: Guide): SearchEntry {
  const nameReadings = readingsOf(guide.name);
  const { full, initials } = contextPinyin(nameReadings);
  const shortName = abbreviatedName(guide.name);
  return {
    guide,
    summary: summarise(guide),
    name: guide.name,
    keywords: guide.keywords,
    ...(shortName ? { shortName } : {}),
    initials,
    fullPinyin: full,
    nameSpellings: spellingsOf(nameReadings),
    otherSpellings: spellingsOf(...[...(shortName ? [shortName] : []), ...guide.keywords].map(readingsOf)),
  };
}

/**
 * The code among `codes` that `given` names, compared without regard to case (department=ga
 * is GA); undefined when none does.
 */
export function matchCode(codes: Iterable<string>, given: string): string | undefined {
  const wanted = given.trim().toLowerCase();
  for (const code of codes) if (code.toLowerCase() === wanted) return code;
  return undefined;
}

/**
 * Ranks matches: exact name, name prefix, name substring, short name, name pinyin (initials,
 * then full, in context), name pinyin in other readings, keyword, pinyin of short name and
 * keywords; within a rank high-frequency items first, then by code. Without `q` all items match.
 */
export function searchCatalogue(entries: readonly SearchEntry[], query: SearchQuery): SearchEntry[] {
  const q = query.q?.trim().toLowerCase() ?? '';
  const department = query.department?.trim().toLowerCase();
  const scored: { entry: SearchEntry; rank: number }[] = [];
  for (const entry of entries) {
    if (department && entry.guide.department.code.toLowerCase() !== department) continue;
    if (query.category && entry.guide.category !== query.category) continue;
    if (query.highFrequency !== undefined && entry.guide.highFrequency !== query.highFrequency) continue;
    const rank = q ? matchRank(entry, q) : 0;
    if (rank >= 0) scored.push({ entry, rank });
  }
  scored.sort(
    (a, b) =>
      a.rank - b.rank || Number(b.entry.guide.highFrequency) - Number(a.entry.guide.highFrequency) || (a.entry.guide.code < b.entry.guide.code ? -1 : 1),
  );
  return scored.map((s) => s.entry);
}

/** 0 best … 8 worst; -1 no match. */
function matchRank(entry: SearchEntry, q: string): number {
  const name = entry.name.toLowerCase();
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (name.includes(q)) return 2;
  if (entry.shortName?.toLowerCase().includes(q)) return 3;
  const letters = /^[a-z]+$/.test(q);
  if (letters) {
    if (entry.initials.includes(q)) return 4;
    if (entry.fullPinyin.includes(q)) return 5;
    if (spelledBy(entry.nameSpellings, q, true) || spelledBy(entry.nameSpellings, q, false)) return 6;
  }
  if (entry.keywords.some((keyword) => keyword.toLowerCase().includes(q))) return 7;
  if (letters && (spelledBy(entry.otherSpellings, q, true) || spelledBy(entry.otherSpellings, q, false))) return 8;
  return -1;
}
