// The catalogue workbook's layout, one description for both directions: the export writes it
// and the import reads it back, so a round trip is lossless. One row per item on 事项, and one
// row per entry of its lists on the child sheets (in list order), joined by 事项编码.
// Cells: yes/no as 是/否, case types in Chinese, fees in yuan, windows and keywords joined by 、.
import type { Column } from './xlsx.ts';

export type Kind = 'text' | 'int' | 'bool' | 'list' | 'caseType' | 'yuan';
export interface Field extends Column {
  kind: Kind;
}
export interface SheetLayout {
  name: string;
  /** The item list a child sheet holds (undefined for 事项 itself). */
  list?: 'materials' | 'process' | 'feeItems' | 'faq';
  fields: Field[];
}

const text = (header: string, key: string, width = 16): Field => ({ header, key, kind: 'text', width });
const int = (header: string, key: string): Field => ({ header, key, kind: 'int', numFmt: '0', width: 12 });
const bool = (header: string, key: string): Field => ({ header, key, kind: 'bool', width: 10 });
const CODE = text('事项编码', 'code', 14);

export const ITEM_SHEET: SheetLayout = {
  name: '事项',
  fields: [
    CODE,
    text('事项名称', 'name', 36),
    text('部门编码', 'department', 12),
    text('事项类型', 'category', 12),
    { header: '办件类型', key: 'caseType', kind: 'caseType', width: 10 },
    text('受理条件', 'conditions', 40),
    int('法定时限（工作日）', 'legalLimitDays'),
    int('承诺时限（工作日）', 'promisedLimitDays'),
    bool('是否收费', 'feeCharged'),
    { header: '受理窗口', key: 'windows', kind: 'list', width: 20 },
    text('办理时间', 'hours', 30),
    text('咨询电话', 'helpline'),
    text('投诉电话', 'complaintLine'),
    int('到现场次数', 'visits'),
    text('到现场原因', 'onsiteReason', 24),
    bool('网上预约', 'onlineBooking'),
    bool('网上预审', 'onlinePreReview'),
    bool('网上缴费', 'onlinePayment'),
    bool('邮寄送达', 'deliveryByPost'),
    bool('高频事项', 'highFrequency'),
    { header: '关键词', key: 'keywords', kind: 'list', width: 20 },
    text('设定依据', 'legalBasis', 30),
    bool('已上架', 'published'),
  ],
};

export const CHILD_SHEETS: SheetLayout[] = [
  {
    name: '申请材料',
    list: 'materials',
    fields: [
      CODE,
      text('材料名称', 'name', 30),
      text('材料形式', 'form', 10),
      int('份数', 'copies'),
      bool('是否必需', 'required'),
      text('空白表格', 'blankFormUrl', 24),
      text('示例样表', 'sampleUrl', 24),
      text('受理标准', 'acceptanceStandard', 30),
      text('来源渠道', 'source', 20),
      text('备注', 'note', 20),
    ],
  },
  { name: '办理流程', list: 'process', fields: [CODE, text('环节', 'step'), text('说明', 'description', 40)] },
  {
    name: '收费项目',
    list: 'feeItems',
    fields: [
      CODE,
      text('收费项目', 'name', 24),
      { header: '金额（元）', key: 'amountFen', kind: 'yuan', numFmt: '0.00', width: 12 },
      text('收费依据', 'basis', 30),
      bool('可减免', 'waivable'),
    ],
  },
  { name: '常见问题', list: 'faq', fields: [CODE, text('问题', 'q', 40), text('解答', 'a', 60)] },
];

/** Reference sheets: exported for the reader, ignored by the import. */
export const REFERENCE_SHEETS = { departments: '部门', windows: '窗口' } as const;

const CASE_TYPE_TEXT: Record<string, string> = { immediate: '即办件', promised: '承诺件' };
const LIST_SEPARATOR = '、';

/** A stored value as its cell. */
export function toCell(field: Field, value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  switch (field.kind) {
    case 'bool':
      return value ? '是' : '否';
    case 'list':
      return Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value);
    case 'caseType':
      return CASE_TYPE_TEXT[String(value)] ?? String(value);
    case 'yuan':
      return typeof value === 'number' ? value / 100 : String(value);
    case 'int':
      return typeof value === 'number' ? value : String(value);
    default:
      return String(value);
  }
}

/** The plain value of an exceljs cell (rich text, hyperlinks and formula results as their text). */
export function cellValue(raw: unknown): string | number | boolean | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === 'object') {
    const o = raw as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (o.richText) return o.richText.map((part) => part.text).join('');
    if (o.text !== undefined) return cellValue(o.text);
    if (o.result !== undefined) return cellValue(o.result);
  }
  return String(raw);
}

/**
 * A cell as the value the catalogue schema checks. What cannot be read as its kind is passed on
 * as the text it is, so the schema names the field and says what is wrong with it.
 */
export function fromCell(field: Field, raw: unknown): unknown {
  const value = cellValue(raw);
  const textValue = value === null ? '' : String(value).trim();
  switch (field.kind) {
    case 'bool':
      return textValue === '是' ? true : textValue === '否' ? false : textValue === '' ? undefined : textValue;
    case 'list':
      return textValue === '' ? [] : textValue.split(LIST_SEPARATOR).map((part) => part.trim());
    case 'caseType':
      return Object.entries(CASE_TYPE_TEXT).find(([, label]) => label === textValue)?.[0] ?? textValue;
    case 'int':
      return textValue === '' ? undefined : /^-?\d+(\.\d+)?$/.test(textValue) ? Number(textValue) : textValue;
    case 'yuan':
      return textValue === '' ? undefined : /^-?\d+(\.\d+)?$/.test(textValue) ? Math.round(Number(textValue) * 100) : textValue;
    default:
      return textValue;
  }
}

/** An item's value in the shape of the catalogue schema (ItemInput), from its sheets. */
export function itemFromSheets(row: Record<string, unknown>, lists: Record<NonNullable<SheetLayout['list']>, Record<string, unknown>[]>) {
  const { feeCharged, ...rest } = row;
  const strip = (entries: Record<string, unknown>[]) => entries.map(({ code: _code, ...entry }) => entry);
  return {
    ...rest,
    materials: strip(lists.materials),
    process: strip(lists.process),
    fee: { charged: feeCharged, items: strip(lists.feeItems) },
    faq: strip(lists.faq),
  };
}

/** A stored item's rows: its 事项 row and its child sheets' rows. */
export function sheetsFromItem(item: Record<string, unknown>) {
  const fee = (item.fee ?? {}) as { charged?: boolean; items?: Record<string, unknown>[] };
  const row = { ...item, feeCharged: fee.charged };
  const withCode = (entries: unknown) => ((entries as Record<string, unknown>[] | undefined) ?? []).map((entry) => ({ code: item.code, ...entry }));
  return {
    row,
    lists: { materials: withCode(item.materials), process: withCode(item.process), feeItems: withCode(fee.items), faq: withCode(item.faq) },
  };
}
