// One day of demo applications: each walks draft → submitted → (supplement) → approved | rejected
// → accepted → completed at plausible intervals, stopping where `now` finds it, so recent days hold
// the open statuses and older days mostly completed cases. Fee items are paid (a paid payment
// order), about half of the completed cases are rated, and a 差评 opens a rectification.
import { ApplicationModel } from '../../models/application.ts';
import { EvaluationModel } from '../../models/evaluation.ts';
import { PaymentOrderModel } from '../../models/payment-order.ts';
import { RectificationModel } from '../../models/rectification.ts';
import { config } from '../../server/config.ts';
import { zonedDate } from '../../services/calendar/zoned-time.ts';
import { addWorking, at, demoId, insertNew, plusMinutes, rngFor, type DemoCitizen } from './kit.ts';

export interface CaseItem {
  code: string;
  name: string;
  department: string;
  promisedDays: number;
  feeFen: number;
  firstMaterial: string;
}

const HOUR = 60;
const SCORES = [5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 3, 2, 1];

export async function loadCaseDay(
  date: string,
  now: Date,
  items: CaseItem[],
  pool: DemoCitizen[],
  isWorking: (d: string) => boolean,
  staffOf: (dept: string) => string,
) {
  const rng = rngFor('cases', date);
  const applications = [],
    orders = [],
    evaluations = [],
    rectifications = [];
  const count = rng.int(120, 200);
  for (let seq = 0; seq < count; seq++) {
    const item = rng.pick(items);
    const citizen = rng.pick(pool);
    const _id = demoId('application', date, seq);
    const staff = { kind: 'staff', id: staffOf(item.department) };
    const self = { kind: 'citizen', id: citizen._id.toHexString() };
    let t = plusMinutes(at(date, '08:00'), rng.int(0, 9 * HOUR));
    if (t > now) continue;
    const history = [{ status: 'draft', at: t, by: self, note: '创建申请' }];
    const doc: Record<string, unknown> = {
      _id,
      citizenId: citizen._id,
      itemCode: item.code,
      department: item.department,
      departments: [item.department],
      applicantNameEnc: citizen.nameEnc,
      applicantIsCompany: false,
      materials: [],
      supplement: [],
      acceptedAt: null,
      acceptedDate: null,
      deadline: null,
      completedAt: null,
      completedDate: null,
      onTime: null,
      onsiteVisits: null,
      evaluated: false,
      evaluationScore: null,
      evaluatedAt: null,
      paid: false,
      supplementRequestedAt: null,
      revision: 0,
      rectificationReply: null,
      rectifiedAt: null,
      createdAt: t,
    };
    const step = (minutes: number, status: string, by: { kind: string; id: string }, note: string) => {
      const next = plusMinutes(t, minutes);
      if (next > now) return false;
      t = next;
      history.push({ status, at: t, by, note });
      return true;
    };
    const fate = rng.next();
    let status = 'draft';
    if (fate > 0.04 && step(rng.int(5, 90), 'submitted', self, '提交预审')) {
      status = 'submitted';
      const supplement = fate < 0.22;
      if (supplement && step(rng.int(HOUR, 20 * HOUR), 'supplement_required', staff, `请补正：${item.firstMaterial}`)) {
        status = 'supplement_required';
        Object.assign(doc, { supplement: [{ materialName: item.firstMaterial, note: '请上传清晰完整的扫描件' }], supplementRequestedAt: t });
        if (fate > 0.1 && step(rng.int(2 * HOUR, 48 * HOUR), 'submitted', self, '补正后重新提交')) status = 'submitted';
      }
      if (status === 'submitted' && fate > 0.07 && fate < 0.12 && step(rng.int(HOUR, 24 * HOUR), 'rejected', staff, '不符合申请条件')) status = 'rejected';
      else if (status === 'submitted' && step(rng.int(HOUR, 24 * HOUR), 'approved', staff, '预审通过')) {
        status = 'approved';
        Object.assign(doc, { supplement: [] });
        if (step(rng.int(HOUR, 30 * HOUR), 'accepted', staff, '')) {
          status = 'accepted';
          const acceptedDate = zonedDate(t, config.TZ_NAME);
          const deadline = item.promisedDays === 0 ? acceptedDate : addWorking(isWorking, acceptedDate, item.promisedDays);
          history.at(-1)!.note = `已受理，承诺办结日期 ${deadline}`;
          Object.assign(doc, { acceptedAt: t, acceptedDate, deadline, paid: item.feeFen > 0 });
          if (item.feeFen > 0) orders.push(paidOrder(_id, citizen, item, plusMinutes(t, 20)));
          const days = item.promisedDays === 0 ? 0 : rng.int(1, Math.ceil(item.promisedDays * (rng.chance(0.95) ? 1 : 1.6)));
          if (step(days * 24 * HOUR + rng.int(10, 5 * HOUR), 'completed', staff, '')) {
            status = 'completed';
            const completedDate = zonedDate(t, config.TZ_NAME);
            const onTime = completedDate <= deadline;
            history.at(-1)!.note = onTime ? '已办结' : '已办结（超期）';
            Object.assign(doc, { completedAt: t, completedDate, onTime, onsiteVisits: rng.chance(0.93) ? rng.pick([0, 1, 1, 1]) : 2 });
            const ratedAt = plusMinutes(t, rng.int(10, 30 * HOUR));
            if (rng.chance(0.5) && ratedAt <= now) {
              const score = rng.pick(SCORES);
              const evaluationId = demoId('evaluation', date, seq);
              const comment =
                score >= 4
                  ? rng.pick(['办事效率高', '工作人员很热情', '一次就办好了', ''])
                  : rng.pick(['排队时间太长', '材料要求没有提前说清楚', '窗口人员态度一般']);
              evaluations.push({
                _id: evaluationId,
                applicationId: _id,
                citizenId: citizen._id,
                department: item.department,
                itemCode: item.code,
                score,
                comment,
                createdAt: ratedAt,
              });
              Object.assign(doc, { evaluated: true, evaluationScore: score, evaluatedAt: ratedAt });
              t = ratedAt;
              if (score <= 2)
                rectifications.push(rectification(_id, evaluationId, item, score, comment, ratedAt, now, isWorking, staffOf, doc, rng.chance(0.6)));
            }
          }
        }
      }
    }
    Object.assign(doc, { status, history, revision: history.length - 1, updatedAt: t });
    applications.push(doc);
  }
  return {
    applications: await insertNew(ApplicationModel.collection, applications),
    payments: await insertNew(PaymentOrderModel.collection, orders),
    evaluations: await insertNew(EvaluationModel.collection, evaluations),
    rectifications: await insertNew(RectificationModel.collection, rectifications),
  };
}

function paidOrder(applicationId: ReturnType<typeof demoId>, citizen: DemoCitizen, item: CaseItem, paidAt: Date) {
  const _id = demoId('payment', applicationId.toHexString());
  return {
    _id,
    outTradeNo: `DEMO${_id.toHexString().toUpperCase()}`,
    applicationId,
    citizenId: citizen._id,
    itemCode: item.code,
    description: item.name.slice(0, 60),
    amountFen: item.feeFen,
    payerOpenid: citizen.openid,
    status: 'paid',
    prepayId: `demo-prepay-${_id.toHexString()}`,
    timeExpire: plusMinutes(paidAt, 30),
    transactionId: `4200${_id.toHexString()}`,
    paidAt,
    settledBy: 'notify',
    closedAt: null,
    refundableFen: item.feeFen,
    createdAt: plusMinutes(paidAt, -2),
    updatedAt: paidAt,
  };
}

function rectification(
  applicationId: unknown,
  evaluationId: unknown,
  item: CaseItem,
  score: number,
  comment: string,
  openedAt: Date,
  now: Date,
  isWorking: (d: string) => boolean,
  staffOf: (dept: string) => string,
  application: Record<string, unknown>,
  close: boolean,
) {
  const deadline = addWorking(isWorking, zonedDate(openedAt, config.TZ_NAME), config.RECTIFICATION_WORKING_DAYS);
  const closedAt = plusMinutes(openedAt, 3 * 24 * HOUR);
  const closed = close && closedAt <= now;
  const reply = closed ? '已约谈窗口负责人，优化了材料清单并增开了高峰时段窗口，感谢您的监督。' : null;
  if (closed) Object.assign(application, { rectificationReply: reply, rectifiedAt: closedAt });
  return {
    _id: demoId('rectification', String(applicationId)),
    applicationId,
    evaluationId,
    department: item.department,
    itemCode: item.code,
    score,
    comment,
    status: closed ? 'closed' : 'open',
    openedAt,
    deadline,
    reply,
    closedAt: closed ? closedAt : null,
    closedBy: closed ? staffOf(item.department) : null,
    lastWarnedDate: null,
    createdAt: openedAt,
    updatedAt: closed ? closedAt : openedAt,
  };
}
