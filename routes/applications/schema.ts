// Request and response schemas of applications (网上预审 and 办件).
import { z } from 'zod';
import { APPLICATION_STATUSES } from '../../models/application.ts';
import { PageQuery } from '../../server/pagination.ts';
import { ItemCode } from '../catalogue/schema.ts';

export const ApplicationParams = z.object({ id: z.string().trim().min(1).max(64) });
export const MaterialParams = ApplicationParams.extend({ materialName: z.string().trim().min(1).max(100) });

export const OpenApplicationBody = z.object({ itemCode: ItemCode });
export const MaterialUploadBody = z.object({
  materialName: z.string().trim().min(1).max(100),
  /** The file part; documented here, read by multer. */
  file: z.any().optional().openapi({ type: 'string', format: 'binary' }),
});
export const EvaluationBody = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(500).default(''),
});
export const OwnListQuery = PageQuery;

const Instant = z.string();
const HistoryEntry = z.object({ status: z.enum(APPLICATION_STATUSES), at: Instant, by: z.object({ kind: z.string(), id: z.string() }), note: z.string() });
const MaterialOut = z.object({
  materialName: z.string(), filename: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string(), uploadedAt: Instant,
});

/** An application as its owner sees it. */
export const ApplicationOut = z.object({
  id: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  department: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  materials: z.array(MaterialOut),
  supplement: z.array(z.object({ materialName: z.string(), note: z.string() })),
  history: z.array(HistoryEntry),
  acceptedAt: Instant.nullable(),
  acceptedDate: z.string().nullable(),
  deadline: z.string().nullable(),
  completedAt: Instant.nullable(),
  completedDate: z.string().nullable(),
  onTime: z.boolean().nullable(),
  onsiteVisits: z.number().int().nullable(),
  evaluation: z.object({ score: z.number().int(), evaluatedAt: Instant }).nullable(),
  rectification: z.object({ reply: z.string(), repliedAt: Instant }).nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
