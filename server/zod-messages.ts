// Chinese messages for zod's own validation issues, so that no English ("Invalid input:
// expected string, received undefined") reaches a citizen. zod's zh-CN locale still names types
// in English ("期望 string"), hence these. Messages written on a schema take precedence.
import type { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '布尔值（true 或 false）',
  array: '列表',
  object: '对象',
  record: '对象',
  tuple: '列表',
  date: '日期',
  null: '空值',
  file: '文件',
};

const FORMAT_NAMES: Record<string, string> = {
  email: '电子邮箱格式不正确',
  url: '网址格式不正确',
  datetime: '时间格式应为 ISO 8601（含时区，如 2026-05-01T09:00:00+08:00）',
  date: '日期格式应为 YYYY-MM-DD',
  time: '时间格式应为 HH:mm',
  uuid: '编号格式不正确',
  base64: '应为 base64 编码',
};

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The Chinese message of one zod issue (used as the per-parse error map in server/route.ts). */
export const chineseIssueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必填';
      return TYPE_NAMES[issue.expected] ? `应为${TYPE_NAMES[issue.expected]}` : '类型不正确';
    case 'too_big':
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive !== false);
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive !== false);
    case 'invalid_format':
      return FORMAT_NAMES[issue.format] ?? '格式不正确';
    case 'not_multiple_of':
      return `应为 ${issue.divisor} 的倍数`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `应为 ${show(issue.values[0])}` : `应为以下之一：${issue.values.map(show).join('、')}`;
    case 'invalid_key':
      return '包含无效的键';
    case 'invalid_element':
      return '包含无效的值';
    default:
      return '格式不正确';
  }
};

function tooBig(origin: string, maximum: number, inclusive: boolean): string {
  if (origin === 'string') return `不能超过 ${inclusive ? maximum : maximum - 1} 个字符`;
  if (origin === 'array' || origin === 'set') return `不能超过 ${inclusive ? maximum : maximum - 1} 项`;
  if (origin === 'file') return `不能超过 ${maximum} 字节`;
  if (origin === 'date') return `不能晚于 ${new Date(maximum).toISOString()}`;
  return inclusive ? `不能大于 ${maximum}` : `应小于 ${maximum}`;
}

function tooSmall(origin: string, minimum: number, inclusive: boolean): string {
  if (origin === 'string') return minimum <= 1 && inclusive ? '不能为空' : `至少 ${inclusive ? minimum : minimum + 1} 个字符`;
  if (origin === 'array' || origin === 'set') return minimum <= 1 && inclusive ? '至少一项' : `至少 ${inclusive ? minimum : minimum + 1} 项`;
  if (origin === 'file') return `至少 ${minimum} 字节`;
  if (origin === 'date') return `不能早于 ${new Date(minimum).toISOString()}`;
  return inclusive ? `不能小于 ${minimum}` : `应大于 ${minimum}`;
}
