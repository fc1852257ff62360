// Masking for every answer that is not to the data's owner, and for all public output.

/** 张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜. Companies (有限公司 …) stay whole. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (isOrganisationName(name)) return name;
  if (chars.length <= 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 110101199003071234 → 1101**********1234 */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 8) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

const ORGANISATION_SUFFIX = /(公司|企业|集团|合作社|事务所|中心|协会|学校|医院|委员会|厂|店|部)$/;

/** True for names of organisations, which the 办件公示 shows in full. */
export function isOrganisationName(name: string): boolean {
  return ORGANISATION_SUFFIX.test(name.trim());
}
