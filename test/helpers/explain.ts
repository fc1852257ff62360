// Query plans: which stages a winning plan uses, so a test can require an index scan for each
// hot query (explain() on the real server, not a guess from the model's declared indexes).
import type { Document } from 'mongodb';

/** Every stage name in a plan tree (`inputStage`, `inputStages`, aggregation `$cursor` stages). */
export function planStages(plan: unknown): string[] {
  if (!plan || typeof plan !== 'object') return [];
  const node = plan as Document;
  const own = typeof node.stage === 'string' ? [node.stage] : [];
  const children: unknown[] = [node.inputStage, ...(Array.isArray(node.inputStages) ? node.inputStages : [])];
  return [...own, ...children.flatMap(planStages)];
}

/** The winning plan of a find() or aggregate() explain answer. */
export function winningPlan(explained: Document): unknown {
  if (explained.queryPlanner) return explained.queryPlanner.winningPlan;
  const cursor = (explained.stages as Document[] | undefined)?.find((stage) => stage.$cursor)?.$cursor;
  return cursor?.queryPlanner?.winningPlan;
}

/** True when the plan reads through an index and never scans the whole collection. */
export function usesIndex(explained: Document): boolean {
  const stages = planStages(winningPlan(explained));
  return stages.some((stage) => stage === 'IXSCAN' || stage === 'IDHACK' || stage === 'EXPRESS_IXSCAN') && !stages.includes('COLLSCAN');
}
