// The windows of the one hall, HALL1: 一楼 public security, real estate, tax, the comprehensive
// windows (综合受理窗口, 一窗受理) and the housing fund; 二楼 market regulation, social
// insurance and social affairs; 三楼 construction projects and sector licences.

export const HALL = 'HALL1';

/** Window codes from `area` + `from`..`to`, e.g. A01, A02. */
const range = (area: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${area}${String(from + i).padStart(2, '0')}`);

/** Named groups of windows that items are served at. */
export const W = {
  huzheng: range('A', 1, 3),
  churujing: range('A', 4, 5),
  budongchan: range('B', 1, 4),
  tax: range('B', 5, 7),
  qiyeKaiban: ['C01'],
  shehuiShiwu: ['C02'],
  jiaoyiDengji: ['C03'],
  touziXiangmu: ['C04'],
  gongjijin: range('C', 5, 6),
  market: range('D', 1, 4),
  social: range('E', 1, 3),
  medical: range('E', 4, 5),
  civil: range('F', 1, 2),
  veterans: ['F03'],
  disabled: ['F04'],
  health: ['F05'],
  education: ['F06'],
  construction: range('G', 1, 2),
  transport: ['G03'],
  planning: ['G04'],
  water: ['G05'],
  environment: ['G06'],
  agriculture: ['G07'],
  culture: ['G08'],
} as const;

type Group = keyof typeof W;

const FLOORS: Record<string, string> = {
  A: '一楼A区（公安服务区）',
  B: '一楼B区（不动产交易登记和税务服务区）',
  C: '一楼C区（综合受理区）',
  D: '二楼D区（企业开办服务区）',
  E: '二楼E区（社会保障服务区）',
  F: '二楼F区（社会事务服务区）',
  G: '三楼G区（投资项目和行业许可服务区）',
};

const LAYOUT: [group: Group, department: string, label: string][] = [
  ['huzheng', 'GA', '户政业务'],
  ['churujing', 'GA', '出入境业务'],
  ['budongchan', 'ZRZY', '不动产登记'],
  ['tax', 'SW', '税务综合'],
  ['qiyeKaiban', 'SCJG', '综合受理窗口（企业开办）'],
  ['shehuiShiwu', 'MZ', '综合受理窗口（社会事务）'],
  ['jiaoyiDengji', 'ZRZY', '综合受理窗口（不动产交易登记）'],
  ['touziXiangmu', 'ZJ', '综合受理窗口（投资项目审批）'],
  ['gongjijin', 'GJJ', '住房公积金'],
  ['market', 'SCJG', '市场主体登记和许可'],
  ['social', 'RS', '人力社保'],
  ['medical', 'YB', '医疗保障'],
  ['civil', 'MZ', '婚姻登记和社会救助'],
  ['veterans', 'TYJR', '退役军人服务'],
  ['disabled', 'CL', '残疾人服务'],
  ['health', 'WJ', '卫生健康'],
  ['education', 'JY', '教育'],
  ['construction', 'ZJ', '住房和城乡建设'],
  ['transport', 'JT', '交通运输'],
  ['planning', 'ZRZY', '规划许可'],
  ['water', 'SL', '水利'],
  ['environment', 'STHJ', '生态环境'],
  ['agriculture', 'NY', '农业农村'],
  ['culture', 'WGLT', '文化广电旅游体育'],
];

export const windows = LAYOUT.flatMap(([group, department, label]) =>
  W[group].map((code) => ({
    code,
    name: label.startsWith('综合受理窗口') ? `${code} ${label}` : `${code} ${label}窗口`,
    hallCode: HALL,
    location: `${FLOORS[code[0]!]} ${code}号窗口`,
    department,
  })),
);
