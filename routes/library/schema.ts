// Schemas of the citizen's material library (材料库) and of reusing its entries.
import { z } from 'zod';

export const LibraryParams = z.object({ id: z.string().trim().min(1).max(64) });

export const ReuseBody = z
  .object({
    materialName: z.string().trim().min(1).max(100),
    libraryId: z.string().trim().min(1).max(64).describe('材料库记录 id（GET /me/materials 或 …/reusable-materials）'),
  })
  .meta({ example: { materialName: '居民身份证', libraryId: '6650a1b2c3d4e5f601234567' } });

export const LibraryEntryOut = z.object({
  id: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  materialName: z.string().describe('最初提交时的材料名称'),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  approvedBy: z.string().describe('核验通过的工作人员'),
  approvedAt: z.string(),
  validUntil: z.string(),
  valid: z.boolean().describe('今天仍在有效期内'),
});

export const ReusableOut = z.object({
  items: z.array(z.object({ materialName: z.string(), matches: z.array(LibraryEntryOut) })),
});
