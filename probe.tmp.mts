import { Types } from 'mongoose';
import { applyVersion, ledgerRows } from './services/publishing/ledger.ts';
import { publishedView } from './services/publishing/view.ts';
import { addDays } from './services/calendar/zoned-time.ts';
const gc = (globalThis as any).gc as () => void;
const heap = () => { gc(); gc(); const m = process.memoryUsage(); return `heap ${Math.round(m.heapUsed / 1048576)} ext ${Math.round(m.external / 1048576)}`; };
console.log('base', heap());
const today = '2026-12-01';
const json = (o: unknown) => JSON.parse(JSON.stringify(o)); // flat, separate strings as from BSON
for (let i = 0; i < 100000; i++) {
  const acceptedDate = addDays(today, -(i % 25) - 3); const completed = i % 3 !== 0;
  applyVersion(json({ _id: String(new Types.ObjectId()), itemCode: `BI${i % 50}`, department: `BD${i % 10}`, applicant: '王*明', status: completed ? 'completed' : 'accepted', acceptedDate, deadline: addDays(acceptedDate, 7), completedDate: completed ? addDays(acceptedDate, 2) : null, onTime: completed, oneVisit: completed, evaluationScore: null, evaluatedDate: null, stamp: i + 1, pubDate: completed ? addDays(acceptedDate, 2) : acceptedDate }) as never);
}
// shared catalogue names, as publicRowOf gives them
const itemName = '食品经营许可证核发'; const departmentName = '县市场监督管理局';
for (const r of ledgerRows()) Object.assign(r, { itemName, departmentName });
console.log('ledger', heap());
publishedView.update([], -2, addDays(today, -29), today);
console.log('view', heap());
for (const r of ledgerRows()) publishedView.bytesOf(r);
console.log('bytes', heap());
