// What the citizen is told when their application changes (申请进度通知 subscribe message):
// thing1 事项名称, phrase2 办理状态, thing3 说明, time4 时间.
import { config } from '../../server/config.ts';
import { clip, queueNotice } from '../notifications/outbox.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import type { ApplicationDoc } from './find.ts';

const LABELS = {
  supplement_required: '需补正',
  approved: '预审通过',
  rejected: '未通过',
  accepted: '已受理',
  completed: '已办结',
} as const;
export type NoticeKind = keyof typeof LABELS;

/** Queues the status message for the owner of `application` (walk-in cases have none). */
export async function noticeStatusChange(application: ApplicationDoc, kind: NoticeKind, at: Date, catalogue: CatalogueSnapshot): Promise<void> {
  if (!application.citizenId) return;
  const guide = catalogue.byCode.get(application.itemCode);
  await queueNotice(
    {
      citizenId: application.citizenId,
      entity: 'application',
      entityId: String(application._id),
      kind,
      page: `pages/applications/detail?id=${String(application._id)}`,
      data: {
        thing1: { value: clip(guide?.name ?? application.itemCode) },
        phrase2: { value: LABELS[kind] },
        thing3: { value: clip(explanation(application, kind)) },
        time4: { value: minuteOf(at) },
      },
    },
    at,
  );
}

function explanation(application: ApplicationDoc, kind: NoticeKind): string {
  switch (kind) {
    case 'supplement_required':
      return `请补正${application.supplement.length}项材料：${application.supplement.map((m) => m.materialName).join('、')}`;
    case 'approved':
      return '请携带材料原件到窗口办理';
    case 'rejected':
      return application.history.at(-1)?.note || '详情请查看申请记录';
    case 'accepted':
      return `承诺办结日期${application.deadline}`;
    case 'completed':
      return '已办结，欢迎对服务进行评价';
  }
}

/** `2026-09-30 14:05` in TZ_NAME. */
function minuteOf(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: config.TZ_NAME,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
