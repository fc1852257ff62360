// What leaves the server about a library entry (never the file id).
import type { CitizenMaterialDoc } from '../../models/citizen-material.ts';
import { businessDate } from '../../services/applications/business-date.ts';

export function presentLibraryEntry(entry: CitizenMaterialDoc, now: Date) {
  return {
    id: String(entry._id),
    typeCode: entry.typeCode,
    typeName: entry.typeName,
    materialName: entry.materialName,
    filename: entry.filename,
    contentType: entry.contentType,
    size: entry.size,
    approvedBy: entry.approvedBy,
    approvedAt: entry.approvedAt.toISOString(),
    validUntil: entry.validUntil,
    valid: entry.validUntil >= businessDate(now),
  };
}
