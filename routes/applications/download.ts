// Streams a stored material file to an authorised caller and logs the download.
import type { ParameterizedContext } from 'koa';
import { recordAudit } from '../../services/audit/record.ts';
import { openFile } from '../../services/applications/material-files.ts';
import type { ApplicationDoc } from '../../services/applications/find.ts';
import { notFound } from '../../server/errors.ts';
import type { AppState } from '../../server/state.ts';

/** Sends the file of `materialName`, after writing the audit entry. */
export async function sendMaterialFile(ctx: ParameterizedContext<AppState>, application: ApplicationDoc, materialName: string) {
  const material = application.materials.find((m) => m.materialName === materialName);
  if (!material) throw notFound('材料');
  const principal = ctx.state.principal!;
  await recordAudit({
    actor: principal,
    action: 'download',
    entity: 'application',
    entityId: String(application._id),
    after: { materialName, fileId: String(material.fileId), sha256: material.sha256 },
    purpose: principal.kind === 'citizen' ? '申请人查看本人材料' : '工作人员审核材料',
    requestId: ctx.state.requestId,
  });
  ctx.set('Content-Type', material.contentType);
  ctx.set('Content-Length', String(material.size));
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(material.filename)}`);
  ctx.set('Cache-Control', 'private, no-store');
  ctx.set('X-Checksum-Sha256', material.sha256);
  ctx.body = openFile(material.fileId);
}
