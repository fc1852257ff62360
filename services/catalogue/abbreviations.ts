// What citizens type instead of the official words in item names: 社保卡 for 社会保障卡,
// 公积金 for 住房公积金. An item is also found by its name with these shortened, in Chinese and
// in pinyin initials (sbk → 社会保障卡补领).

/** Official form → the short form people use; longer forms first, so they win over their parts. */
const ABBREVIATIONS: readonly (readonly [full: string, short: string])[] = [
  ['社会保障卡', '社保卡'],
  ['社会保险', '社保'],
  ['医疗保障', '医保'],
  ['医疗保险', '医保'],
  ['住房公积金', '公积金'],
  ['居民身份证', '身份证'],
  ['机动车驾驶证', '驾照'],
  ['驾驶证', '驾照'],
  ['不动产权证书', '房产证'],
  ['居民户口簿', '户口本'],
  ['户口簿', '户口本'],
  ['失业保险金', '失业金'],
  ['城乡居民基本养老保险', '城乡养老'],
  ['基本养老保险', '养老保险'],
  ['残疾人证', '残疾证'],
  ['最低生活保障', '低保'],
  ['退役军人', '退伍军人'],
];

/** The name with every official form it contains shortened, or none when nothing applies. */
export function abbreviatedName(name: string): string | undefined {
  let short = name;
  for (const [full, abbreviation] of ABBREVIATIONS) short = short.replaceAll(full, abbreviation);
  return short === name ? undefined : short;
}
