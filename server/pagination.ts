// The contract's list shape: ?page=1&pageSize=20 (at most 100) → {items, total, page, pageSize}.
import type { Model } from 'mongoose';
import { z } from 'zod';

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type Page = z.infer<typeof PageQuery>;

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Cuts one page out of an in-memory list. */
export function pageOf<T>(all: readonly T[], { page, pageSize }: Page): PageOf<T> {
  const start = (page - 1) * pageSize;
  return { items: all.slice(start, start + pageSize), total: all.length, page, pageSize };
}

/** Skip/limit for a database query of one page. */
export const skipLimit = ({ page, pageSize }: Page) => ({ skip: (page - 1) * pageSize, limit: pageSize });

/** OpenAPI schema of a page of `item`. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/**
 * One page of `model`'s documents matching `filter` in `sort` order, with the total, in the
 * contract's list shape. `sort` should end on a unique field so pages never overlap.
 */
export async function findPage<T = Record<string, unknown>>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model, whatever its schema: only find and count are used
  model: Model<any>,
  filter: Record<string, unknown>,
  sort: Record<string, 1 | -1>,
  page: Page,
  projection?: Record<string, 0 | 1>,
): Promise<PageOf<T>> {
  const { skip, limit } = skipLimit(page);
  const [items, total] = await Promise.all([model.find(filter, projection).sort(sort).skip(skip).limit(limit).lean<T[]>(), model.countDocuments(filter)]);
  return { items, total, page: page.page, pageSize: page.pageSize };
}
