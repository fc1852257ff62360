// Catalogue search over an in-memory index: Chinese substrings of name and keywords, and
// pinyin initials of the name (`sfz` → 身份证). Pure: no database, no Koa.
import { pinyin } from 'pinyin-pro';
import type { Guide, GuideSummary } from './guide.ts';
import { summarise } from './guide.ts';

export interface SearchEntry {
  guide: Guide;
  summary: GuideSummary;
  name: string;
  keywords: string[];
  /** Pinyin initials of the name, lower case: 居民身份证换领 → jmsfzhl. */
  initials: string;
  /** Full pinyin of the name without spaces, lower case. */
  fullPinyin: string;
}

export interface SearchQuery {
  q?: string;
  department?: string;
  category?: string;
  highFrequency?: boolean;
}

/** Precomputes what search needs for one item. */
export function toSearchEntry(guide: Guide): SearchEntry {
  const letters = (pattern: 'first' | 'pinyin') =>
    pinyin(guide.name, { pattern, toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();
  return {
    guide,
    summary: summarise(guide),
    name: guide.name,
    keywords: guide.keywords,
    initials: letters('first'),
    fullPinyin: letters('pinyin'),
  };
}

/**
 * Ranks matches: exact name, name prefix, name substring, pinyin initials, full pinyin,
 * keyword; within a rank high-frequency items first, then by code. Without `q` all items match.
 */
export function searchCatalogue(entries: readonly SearchEntry[], query: SearchQuery): SearchEntry[] {
  const q = query.q?.trim().toLowerCase() ?? '';
  const scored: { entry: SearchEntry; rank: number }[] = [];
  for (const entry of entries) {
    if (query.department && entry.guide.department.code !== query.department) continue;
    if (query.category && entry.guide.category !== query.category) continue;
    if (query.highFrequency !== undefined && entry.guide.highFrequency !== query.highFrequency) continue;
    const rank = q ? matchRank(entry, q) : 0;
    if (rank >= 0) scored.push({ entry, rank });
  }
  scored.sort(
    (a, b) =>
      a.rank - b.rank ||
      Number(b.entry.guide.highFrequency) - Number(a.entry.guide.highFrequency) ||
      (a.entry.guide.code < b.entry.guide.code ? -1 : 1),
  );
  return scored.map((s) => s.entry);
}

/** 0 best … 5 worst; -1 no match. */
function matchRank(entry: SearchEntry, q: string): number {
  const name = entry.name.toLowerCase();
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (name.includes(q)) return 2;
  if (/^[a-z]+$/.test(q)) {
    if (entry.initials.includes(q)) return 3;
    if (entry.fullPinyin.includes(q)) return 4;
  }
  if (entry.keywords.some((keyword) => keyword.toLowerCase().includes(q))) return 5;
  return -1;
}
