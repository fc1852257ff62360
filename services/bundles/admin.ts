// Defining bundles (一件事): a center admin names the items; the guide is merged from theirs.
import { BundleModel, type Bundle } from '../../models/bundle.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { badRequest } from '../../server/errors.ts';
import { findPage, type Page } from '../../server/pagination.ts';
import { recordAudit } from '../audit/record.ts';
import type { CatalogueCache } from '../catalogue/store.ts';

export interface BundleInput {
  name: string;
  description: string;
  items: string[];
  published: boolean;
}

export const listBundles = (page: Page) => findPage<Bundle>(BundleModel, {}, { code: 1 }, page);

export async function putBundle(code: string, input: BundleInput, actor: StaffPrincipal, now: Date, catalogue: CatalogueCache, requestId?: string) {
  const items = [...new Set(input.items)];
  const known = catalogue.current().byCode;
  const unknown = items.filter((c) => !known.has(c));
  if (unknown.length) throw badRequest('UNKNOWN_ITEM', `以下事项不存在或未发布：${unknown.join('、')}`, { unknown });
  const before = await BundleModel.findOne({ code }).lean();
  const after = await BundleModel.findOneAndUpdate({ code }, { $set: { ...input, items } }, { upsert: true, returnDocument: 'after' }).lean();
  await recordAudit({ actor, action: before ? 'update' : 'create', entity: 'bundle', entityId: code, before, after, requestId }, now);
  await catalogue.changed();
  return after!;
}
