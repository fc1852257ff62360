// The eighteen departments (委办局) with windows in the county government service center.
// Helplines are fictional numbers in the county's area code.

interface DepartmentSeed {
  code: string;
  name: string;
  sortOrder: number;
  /** 咨询电话 printed on every guide of the department (not stored on the department). */
  helpline: string;
  /** Prefix of the department's queue tickets (GA001 …), distinct within the hall. */
  ticketPrefix: string;
}

const TABLE: [code: string, name: string, helpline: string, ticketPrefix: string][] = [
  ['GA', '县公安局', '0571-86110110', 'GA'],
  ['SCJG', '县市场监督管理局', '0571-86123315', 'SC'],
  ['RS', '县人力资源和社会保障局', '0571-86112333', 'RS'],
  ['YB', '县医疗保障局', '0571-86132345', 'YB'],
  ['ZRZY', '县自然资源和规划局（不动产登记中心）', '0571-86141234', 'BD'],
  ['MZ', '县民政局', '0571-86152468', 'MZ'],
  ['ZJ', '县住房和城乡建设局', '0571-86163312', 'ZJ'],
  ['JT', '县交通运输局', '0571-86171234', 'JT'],
  ['SW', '县税务局', '0571-86112366', 'SW'],
  ['WJ', '县卫生健康局', '0571-86182120', 'WJ'],
  ['JY', '县教育局', '0571-86193201', 'JY'],
  ['NY', '县农业农村局', '0571-86201316', 'NY'],
  ['STHJ', '县生态环境局', '0571-86212369', 'HB'],
  ['WGLT', '县文化和广电旅游体育局', '0571-86223456', 'WL'],
  ['TYJR', '县退役军人事务局', '0571-86231818', 'TY'],
  ['CL', '县残疾人联合会', '0571-86249600', 'CL'],
  ['GJJ', '县公积金管理中心', '0571-86252329', 'GJ'],
  ['SL', '县水利局', '0571-86263110', 'SL'],
];

export const departmentSeeds: DepartmentSeed[] = TABLE.map(([code, name, helpline, ticketPrefix], index) => ({
  code, name, helpline, ticketPrefix, sortOrder: (index + 1) * 10,
}));

/** The department records as the admin API takes them. */
export const departments = departmentSeeds.map(({ code, name, sortOrder, ticketPrefix }) => ({ code, name, sortOrder, ticketPrefix }));

/** The ticket prefix of a demo department. */
export function ticketPrefixOfSeed(code: string): string {
  return departmentSeeds.find((d) => d.code === code)?.ticketPrefix ?? code.slice(0, 2);
}

/** The helpline of a department. */
export function helplineOf(code: string): string {
  const found = departmentSeeds.find((d) => d.code === code);
  if (!found) throw new Error(`unknown demo department ${code}`);
  return found.helpline;
}
