// Administering material types: one type for the same paper across items, with its validity.
import { MaterialTypeModel, type MaterialType } from '../../models/material-type.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { conflict } from '../../server/errors.ts';
import { isDuplicateKey } from '../../server/mongo-errors.ts';
import { findPage, type Page } from '../../server/pagination.ts';
import { recordAudit } from '../audit/record.ts';

export interface MaterialTypeInput {
  name: string;
  materialNames: string[];
  validMonths: number;
  expiryEntered: boolean;
}

export const listMaterialTypes = (page: Page) => findPage<MaterialType>(MaterialTypeModel, {}, { code: 1 }, page);

/** Creates or replaces type `code`; 409 MATERIAL_NAME_TAKEN when a name already maps to another type. */
export async function putMaterialType(code: string, input: MaterialTypeInput, actor: StaffPrincipal, now: Date, requestId?: string) {
  const materialNames = [...new Set(input.materialNames)];
  const before = await MaterialTypeModel.findOne({ code }).lean();
  try {
    const after = await MaterialTypeModel.findOneAndUpdate(
      { code },
      { $set: { ...input, materialNames, updatedAt: now } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    await recordAudit({ actor, action: before ? 'update' : 'create', entity: 'material_type', entityId: code, before, after, requestId }, now);
    return after!;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const taken = await MaterialTypeModel.find({ code: { $ne: code }, materialNames: { $in: materialNames } }, 'code materialNames').lean();
    const names = materialNames.filter((n) => taken.some((t) => t.materialNames.includes(n)));
    throw conflict('MATERIAL_NAME_TAKEN', `以下材料已归入其他材料类型：${names.join('、')}`, { names });
  }
}
