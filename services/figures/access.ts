// Which figures an admin may read: a center admin every scope; a department admin their
// department and its items and windows.
import { ItemModel } from '../../models/item.ts';
import { WindowModel } from '../../models/window.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import type { ScopeKind } from './compute.ts';

/** The scope an admin asked for (`center` when none), checked against their rights. */
export async function readableScope(actor: StaffPrincipal, requested: string | undefined): Promise<string> {
  const scope = requested ?? (actor.role === 'center_admin' ? 'center' : `department:${actor.department}`);
  if (actor.role === 'center_admin') return scope;
  const [kind, code] = scope.split(':');
  const own = actor.department;
  if (kind === 'department' && code === own) return scope;
  if (kind === 'item' && code) {
    const item = await ItemModel.findOne({ code }, 'department').lean();
    if (!item) throw notFound('事项');
    if (item.department === own) return scope;
  }
  if (kind === 'window' && code) {
    const window = await WindowModel.findOne({ code }, 'department').lean();
    if (!window) throw notFound('窗口');
    if (window.department === own) return scope;
  }
  throw forbidden('只能查看本部门的统计数据');
}

/** The codes of a kind an admin may read; undefined for all (center admins). */
export async function readableCodes(actor: StaffPrincipal, kind: ScopeKind): Promise<string[] | undefined> {
  if (actor.role === 'center_admin') return undefined;
  const department = actor.department ?? '';
  if (kind === 'department') return [department];
  if (kind === 'center') return [];
  const model = kind === 'item' ? ItemModel : WindowModel;
  const rows: { code: string }[] = await (model as typeof ItemModel).find({ department }, 'code').lean();
  return rows.map((row) => row.code);
}
