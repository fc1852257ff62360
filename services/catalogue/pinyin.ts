// Pinyin for search, polyphones included: every Han character with its reading in context
// first, then its other readings (行: hang in 银行, also xing and heng), so a citizen who reads
// a character the other way still finds the item. Pure functions.
import { pinyin } from 'pinyin-pro';

/** Per Han character of a text (others are skipped): its readings, toneless, the one in context first. */
export type Readings = string[][];

/** Toneless and lower case; ü as both v and u (lv, lu), the two ways it is typed. */
function spellings(reading: string): string[] {
  const decomposed = reading.normalize('NFD').toLowerCase();
  const withV = decomposed.replace(/u\u0308/g, 'v').replace(/[\u0300-\u036f]/g, '');
  const withU = decomposed.replace(/[\u0300-\u036f]/g, '');
  return withV === withU ? [withU] : [withV, withU];
}

const HAN = /^\p{Script=Han}$/u;
/**
 * Every reading of a character, by character: dictionary data that never changes, looked up
 * once per character (a catalogue has a few hundred distinct ones) instead of once per use.
 */
const readingsByChar = new Map<string, string[]>();
function allReadings(char: string): string[] {
  let found = readingsByChar.get(char);
  if (!found) {
    found = pinyin(char, { type: 'array', toneType: 'none', multiple: true });
    readingsByChar.set(char, found);
  }
  return found;
}

/** The readings of each Han character of `text`. */
export function readingsOf(text: string): Readings {
  const chars = [...text];
  const inContext = pinyin(text, { type: 'array', toneType: 'none' });
  const readings: Readings = [];
  chars.forEach((char, index) => {
    const reading = inContext[index];
    if (!HAN.test(char) || !reading || reading === char) return;
    const all = [reading, ...allReadings(char)];
    readings.push([...new Set(all.flatMap(spellings).filter((s) => /^[a-z]+$/.test(s)))]);
  });
  return readings;
}

/** The text in its readings in context: full (shehuibaozhangka) and initials (shbzk). */
export function contextPinyin(readings: Readings): { full: string; initials: string } {
  return { full: readings.map((r) => r[0]).join(''), initials: readings.map((r) => r[0]![0]).join('') };
}

/** The readings of a text ready for matching: per character, by full syllable and by initial. */
export interface Spellings {
  syllables: string[][];
  initials: string[][];
  /** Every letter any syllable has, to turn most queries away at once. */
  letters: Set<string>;
}

/**
 * The spellings of one or more texts; between texts a character with no reading, so that a
 * match never runs from one text into the next.
 */
export function spellingsOf(...texts: Readings[]): Spellings {
  const syllables = texts.flatMap((readings, index) => (index === 0 ? readings : [[], ...readings]));
  return {
    syllables,
    initials: syllables.map((r) => [...new Set(r.map((syllable) => syllable[0]!))]),
    letters: new Set(syllables.flat().join('')),
  };
}

/**
 * True when `q` (lower-case letters) is part of some way of spelling the text, each character
 * read any of its ways: by initials (`byInitials`), or in full pinyin, where `q` may begin and
 * end inside a syllable.
 */
export function spelledBy(spellings: Spellings, q: string, byInitials: boolean): boolean {
  for (const letter of q) if (!spellings.letters.has(letter)) return false;
  const options = byInitials ? spellings.initials : spellings.syllables;
  const failed = new Set<number>();
  for (let index = 0; index < options.length; index++) {
    for (const syllable of options[index]!) {
      // q begins in this syllable, at any of its letters.
      for (let start = syllable.indexOf(q[0]!); start >= 0; start = syllable.indexOf(q[0]!, start + 1)) {
        const piece = syllable.length - start;
        if (q.length <= piece) {
          if (syllable.startsWith(q, start)) return true;
        } else if (q.startsWith(syllable.slice(start)) && continues(options, q, index + 1, piece, failed)) return true;
      }
    }
  }
  return false;
}

/** Whether q from `offset` on goes on with character `index`; `failed` remembers dead ends. */
function continues(options: string[][], q: string, index: number, offset: number, failed: Set<number>): boolean {
  if (offset === q.length) return true;
  if (index === options.length) return false;
  const key = index * (q.length + 1) + offset;
  if (failed.has(key)) return false;
  for (const syllable of options[index]!) {
    if (q.length - offset <= syllable.length && syllable.startsWith(q.slice(offset))) return true; // q ends in it
    if (q.startsWith(syllable, offset) && continues(options, q, index + 1, offset + syllable.length, failed)) return true;
  }
  failed.add(key);
  return false;
}
