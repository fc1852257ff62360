// Importing the catalogue workbook. Each item is checked by the catalogue's own validation (the
// admin API's schema, guide rules and reference checks), compared with what is stored, and —
// when nothing in the whole workbook is wrong and it is not a dry run — created or changed
// through the catalogue admin service, which audits each item. Items not in the workbook are
// left alone; an unchanged item is not written, so importing the same workbook twice changes
// nothing the second time. A department admin may import only their department's items.
import { ItemModel } from '../../models/item.ts';
import { ITEM_SHEET, CHILD_SHEETS, type SheetLayout } from './catalogue-layout.ts';
import { readCatalogueWorkbook, type ReadItem, type RowProblem } from './catalogue-read.ts';
import { guideRuleViolations, ItemInput } from '../../routes/admin/catalogue-schema.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { staffCoversDepartment } from '../../server/auth/principal.ts';
import { badRequest } from '../../server/errors.ts';
import { chineseIssueMessage } from '../../server/zod-messages.ts';
import { createEntry, referenceProblems, updateEntry } from '../catalogue/admin.ts';
import type { CatalogueCache } from '../catalogue/store.ts';

export interface FieldChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}
export interface ItemChange {
  code: string;
  action: 'create' | 'update';
  changes: FieldChange[];
}
export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  items: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: RowProblem[];
  changes: ItemChange[];
}

const ITEM_LABELS = new Map(ITEM_SHEET.fields.map((f) => [f.key, f.header]));
const LIST_OF_PATH: Record<string, NonNullable<SheetLayout['list']>> = { materials: 'materials', process: 'process', faq: 'faq' };
const LABELS: Record<string, string> = { materials: '申请材料', process: '办理流程', fee: '收费', faq: '常见问题' };

/** Where a schema path points in the workbook: the sheet, the row and the column header. */
function locate(item: ReadItem, path: (string | number)[]): Omit<RowProblem, 'message' | 'code'> {
  const [head, index, key] = path;
  const fee = head === 'fee' && path[1] === 'items';
  const list = fee ? 'feeItems' : LIST_OF_PATH[String(head)];
  if (list && (fee ? path[2] : index) !== undefined) {
    const layout = CHILD_SHEETS.find((sheet) => sheet.list === list)!;
    const at = Number(fee ? path[2] : index);
    const column = String(fee ? path[3] : key);
    return { sheet: layout.name, row: item.listRows[list][at] ?? item.row, field: layout.fields.find((f) => f.key === column)?.header ?? column };
  }
  if (head === 'fee') return { sheet: ITEM_SHEET.name, row: item.row, field: fee ? '收费项目' : '是否收费' };
  return { sheet: ITEM_SHEET.name, row: item.row, field: ITEM_LABELS.get(String(head)) ?? LABELS[String(head)] ?? String(head) };
}

type Checked = { item: ReadItem; value: ItemInputValue | null; problems: RowProblem[] };
type ItemInputValue = ReturnType<typeof ItemInput.parse>;

/** Every problem of one item: the schema, the guide rules, references, scope, materials. */
async function checkItem(item: ReadItem, actor: StaffPrincipal, stored: Map<string, { department: string }>): Promise<Checked> {
  const problems: RowProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ ...locate(item, path), code: item.code, message });
  // Names that do not exist and rows outside the caller's department are told even when other fields are wrong.
  const raw = item.value as { department?: unknown; windows?: unknown };
  for (const [field, message] of Object.entries(await referenceProblems(raw))) add([field], message);
  const current = stored.get(item.code);
  const department = typeof raw.department === 'string' ? raw.department : '';
  if (!staffCoversDepartment(actor, department) || (current && !staffCoversDepartment(actor, current.department))) {
    add(['department'], '只能导入本部门的事项');
  }
  if (item.listRows.materials.length === 0)
    problems.push({ sheet: '申请材料', row: item.row, code: item.code, field: '材料名称', message: '事项未列出申请材料' });
  const parsed = ItemInput.safeParse(item.value, { error: chineseIssueMessage });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      add(
        issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        issue.message,
      );
    return { item, value: null, problems };
  }
  const value = parsed.data;
  for (const [field, message] of Object.entries(guideRuleViolations(value))) add(field.split('.'), message);
  return { item, value, problems };
}

/** The fields whose value differs from what is stored, in the schema's shape. */
function diff(before: Record<string, unknown> | undefined, after: ItemInputValue): FieldChange[] {
  const normalised = before ? ItemInput.safeParse(pickInput(before)) : undefined;
  const old: Record<string, unknown> = normalised?.success ? normalised.data : (before ?? {});
  return Object.entries(after)
    .filter(([field, value]) => JSON.stringify(old[field] ?? null) !== JSON.stringify(value ?? null))
    .map(([field, value]) => ({ field, label: ITEM_LABELS.get(field) ?? LABELS[field] ?? field, before: before ? (old[field] ?? null) : null, after: value }));
}

/** The stored item's fields that the schema knows. */
function pickInput(stored: Record<string, unknown>) {
  const keys = Object.keys(ItemInput.shape);
  const picked = Object.fromEntries(keys.filter((k) => stored[k] !== undefined).map((k) => [k, stored[k]]));
  return JSON.parse(JSON.stringify(picked)) as Record<string, unknown>; // drops ObjectIds and dates
}

export interface ImportOptions {
  actor: StaffPrincipal;
  dryRun: boolean;
  catalogue: CatalogueCache;
  requestId?: string;
  /** Called after each item is applied (the CLI's progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** Checks the workbook and, unless a dry run or anything is wrong, applies it. */
export async function importCatalogue(buffer: Buffer, options: ImportOptions): Promise<ImportReport> {
  const { items, problems } = await readCatalogueWorkbook(buffer);
  const codes = items.map((item) => item.code);
  const storedItems = await ItemModel.find({ code: { $in: codes } }).lean();
  const stored = new Map(storedItems.map((s) => [s.code, s as unknown as Record<string, unknown> & { department: string }]));
  const checked: Checked[] = [];
  for (const item of items) checked.push(await checkItem(item, options.actor, stored));
  const allProblems = [...problems, ...checked.flatMap((c) => c.problems)].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
  const changes: ItemChange[] = [];
  for (const { value } of checked) {
    if (!value) continue;
    const before = stored.get(value.code);
    const fields = diff(before, value);
    if (fields.length) changes.push({ code: value.code, action: before ? 'update' : 'create', changes: fields });
  }
  const report: ImportReport = {
    dryRun: options.dryRun,
    applied: false,
    items: items.length,
    created: changes.filter((c) => c.action === 'create').length,
    updated: changes.filter((c) => c.action === 'update').length,
    unchanged: checked.filter((c) => c.value).length - changes.length,
    problems: allProblems,
    changes,
  };
  if (options.dryRun) return report;
  if (allProblems.length)
    throw badRequest('IMPORT_INVALID', '导入文件有错误，未做任何修改', { problems: allProblems.slice(0, 200), count: allProblems.length });
  await applyChanges(changes, checked, options);
  return { ...report, applied: true };
}

async function applyChanges(changes: ItemChange[], checked: Checked[], options: ImportOptions): Promise<void> {
  // The catalogue is reloaded once at the end instead of after every item.
  const real = options.catalogue;
  const quiet: CatalogueCache = {
    current: () => real.current(),
    reload: () => real.reload(),
    changed: async () => {},
    start: () => real.start(),
    stop: () => real.stop(),
  };
  const change = { actor: options.actor, requestId: options.requestId, catalogue: quiet };
  const values = new Map(checked.flatMap((c) => (c.value ? [[c.value.code, c.value] as const] : [])));
  let done = 0;
  for (const item of changes) {
    const value = values.get(item.code)!;
    if (item.action === 'create') await createEntry('item', value, change);
    else await updateEntry('item', item.code, Object.fromEntries(item.changes.map((c) => [c.field, c.after])), change);
    options.onProgress?.(++done, changes.length);
  }
  if (changes.length) await real.changed();
}
