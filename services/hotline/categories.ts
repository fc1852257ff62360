// The category tree: read by everyone (the mini-program's picker, Open311's services.json),
// written by center admins (audited). The defaults below are what the demo county starts with.
import { HotlineCategoryModel, type HotlineCategory } from '../../models/hotline-category.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { conflict, notFound } from '../../server/errors.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';
import { recordAudit } from '../audit/record.ts';

export type CategoryRecord = HotlineCategory;
export type CategoryInput = Pick<HotlineCategory, 'code' | 'name'> &
  Partial<Pick<HotlineCategory, 'parent' | 'department' | 'contactDays' | 'replyDays' | 'signHours' | 'active' | 'sortOrder'>>;

/** The seed county's tree: two levels, codes stable for Open311 service_code. */
export const DEFAULT_CATEGORIES: CategoryInput[] = [
  { code: 'CXJS', name: '城乡建设' },
  { code: 'CXJS-WYGL', name: '物业管理', parent: 'CXJS' },
  { code: 'CXJS-SZSS', name: '市政设施', parent: 'CXJS' },
  { code: 'SHBZ', name: '社会保障' },
  { code: 'SHBZ-SBJF', name: '社保缴费', parent: 'SHBZ' },
  { code: 'SCJG', name: '市场监管' },
  { code: 'SCJG-SPAQ', name: '食品安全', parent: 'SCJG', replyDays: 3 },
  { code: 'HJBH', name: '环境保护' },
  { code: 'HJBH-ZSWR', name: '噪声污染', parent: 'HJBH' },
  { code: 'ZWFW', name: '政务服务' },
];

export async function listCategories(includeInactive = false): Promise<CategoryRecord[]> {
  return HotlineCategoryModel.find(includeInactive ? {} : { active: true })
    .sort({ sortOrder: 1, code: 1 })
    .limit(1000)
    .lean<CategoryRecord[]>();
}

export async function findCategory(code: string): Promise<CategoryRecord | null> {
  return HotlineCategoryModel.findOne({ code }).lean<CategoryRecord>();
}

/** The category of a new request: it must exist and be active. */
export async function activeCategory(code: string): Promise<CategoryRecord> {
  const category = await HotlineCategoryModel.findOne({ code, active: true }).lean<CategoryRecord>();
  if (!category) throw notFound('诉求分类');
  return category;
}

interface Acting {
  actor: StaffPrincipal;
  requestId?: string;
  now: Date;
}

export async function createCategory(input: CategoryInput, { actor, requestId, now }: Acting): Promise<CategoryRecord> {
  if (input.parent && !(await findCategory(input.parent))) throw notFound('上级分类');
  try {
    const created = (await HotlineCategoryModel.create(input)).toObject<CategoryRecord>();
    await recordAudit({ actor, action: 'create', entity: 'hotline_category', entityId: input.code, after: created, requestId }, now);
    return created;
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict('CATEGORY_EXISTS', '该分类编码已存在', { code: input.code });
    throw error;
  }
}

export async function updateCategory(code: string, patch: Partial<Omit<CategoryInput, 'code'>>, { actor, requestId, now }: Acting): Promise<CategoryRecord> {
  const before = await findCategory(code);
  if (!before) throw notFound('诉求分类');
  if (patch.parent && (patch.parent === code || !(await findCategory(patch.parent)))) throw notFound('上级分类');
  const after = await HotlineCategoryModel.findOneAndUpdate({ code }, { $set: patch }, { returnDocument: 'after' }).lean<CategoryRecord>();
  if (!after) throw notFound('诉求分类');
  await recordAudit({ actor, action: 'update', entity: 'hotline_category', entityId: code, before, after, requestId }, now);
  return after;
}

/** Inserts the default tree where a code is missing (idempotent; the demo seed calls it). */
export async function seedDefaultCategories(): Promise<number> {
  let inserted = 0;
  for (const [sortOrder, category] of DEFAULT_CATEGORIES.entries()) {
    const result = await HotlineCategoryModel.updateOne({ code: category.code }, { $setOnInsert: { ...category, sortOrder } }, { upsert: true });
    inserted += result.upsertedCount;
  }
  return inserted;
}
