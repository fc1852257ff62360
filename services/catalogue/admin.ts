// Catalogue administration. Center admins change everything; department admins only their
// own department's items and windows. Every change is audited and reaches every instance.
import { DepartmentModel } from '../../models/department.ts';
import { ItemModel } from '../../models/item.ts';
import { WindowModel } from '../../models/window.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { staffCoversDepartment } from '../../server/auth/principal.ts';
import { conflict, forbidden, notFound, validationFailed } from '../../server/errors.ts';
import { recordAudit } from '../audit/record.ts';
import type { CatalogueCache } from './store.ts';

type Entity = 'department' | 'window' | 'item';
const MODELS = { department: DepartmentModel, window: WindowModel, item: ItemModel } as const;
const LABELS: Record<Entity, string> = { department: '部门', window: '窗口', item: '事项' };

interface Change {
  actor: StaffPrincipal;
  requestId?: string;
  /** This instance's catalogue, reloaded (and every other instance's told) after the change. */
  catalogue: CatalogueCache;
}

/** Creates a department, window or item; codes are unique per kind. */
export async function createEntry(entity: Entity, input: { code: string; department?: string }, change: Change) {
  await assertScope(entity, input.department, change.actor);
  await assertReferencesExist(input);
  const model = MODELS[entity] as typeof DepartmentModel;
  if (await model.exists({ code: input.code })) {
    throw conflict('CODE_TAKEN', `${LABELS[entity]}编码已存在`, { code: input.code });
  }
  const created = (await model.create(input)).toObject();
  await recordAudit({ actor: change.actor, action: 'create', entity, entityId: input.code, after: created, requestId: change.requestId });
  await change.catalogue.changed();
  return created;
}

/** Applies a partial change; a department admin may not move an entry out of their department. */
export async function updateEntry(entity: Entity, code: string, patch: Record<string, unknown>, change: Change) {
  const model = MODELS[entity] as typeof DepartmentModel;
  const before = await model.findOne({ code }).lean();
  if (!before) throw notFound(LABELS[entity]);
  await assertScope(entity, (before as { department?: string }).department ?? code, change.actor);
  if (typeof patch.department === 'string') await assertScope(entity, patch.department, change.actor);
  await assertReferencesExist(patch);
  const after = await model.findOneAndUpdate({ code }, { $set: patch }, { returnDocument: 'after', runValidators: true }).lean();
  await recordAudit({ actor: change.actor, action: 'update', entity, entityId: code, before, after, requestId: change.requestId });
  await change.catalogue.changed();
  return after;
}

/** Loads one entry for editing, within the caller's scope. */
export async function findEntry(entity: Entity, code: string, actor: StaffPrincipal) {
  const model = MODELS[entity] as typeof DepartmentModel;
  const entry = await model.findOne({ code }).lean();
  if (!entry) throw notFound(LABELS[entity]);
  await assertScope(entity, (entry as { department?: string }).department ?? code, actor, 'read');
  return entry;
}

async function assertScope(entity: Entity, departmentCode: string | undefined, actor: StaffPrincipal, mode: 'read' | 'write' = 'write'): Promise<void> {
  if (actor.role === 'center_admin') return;
  if (entity === 'department' && mode === 'write') throw forbidden('只有中心管理员可以管理部门');
  if (!departmentCode || !staffCoversDepartment(actor, departmentCode)) throw forbidden('只能管理本部门的事项和窗口');
}

async function assertReferencesExist(input: { department?: unknown; windows?: unknown }): Promise<void> {
  const problems = await referenceProblems(input);
  if (Object.keys(problems).length) throw validationFailed(problems);
}

/** What an entry names that does not exist, as {field: message} (also the workbook import's check). */
export async function referenceProblems(input: { department?: unknown; windows?: unknown }): Promise<Record<string, string>> {
  const problems: Record<string, string> = {};
  if (typeof input.department === 'string' && !(await DepartmentModel.exists({ code: input.department }))) {
    problems.department = '部门不存在';
  }
  if (Array.isArray(input.windows) && input.windows.length > 0) {
    const found = await WindowModel.countDocuments({ code: { $in: input.windows } });
    if (found !== new Set(input.windows).size) problems.windows = '有窗口编码不存在';
  }
  return problems;
}
