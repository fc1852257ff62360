// Request schemas of the public catalogue.
import { z } from 'zod';
import { ITEM_CATEGORIES } from '../../models/item.ts';
import { PageQuery } from '../../server/pagination.ts';

export const ItemCode = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, '事项编码格式不正确');

export const ItemListQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional(),
  department: z.string().trim().max(32).optional(),
  category: z.enum(ITEM_CATEGORIES).optional(),
  highFrequency: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const ItemCodeParams = z.object({ code: ItemCode });
