// Makes one write land at an exact point of another request: `land` runs (awaited, so whatever it
// does is in the database first) just before the first query of `model` that `when` picks is
// sent. Query.exec is wrapped, which every query of the process goes through: a test file that
// uses this keeps its tests serial.
import mongoose from 'mongoose';

export type AnyQuery = mongoose.Query<unknown, unknown>;

/** Runs `land` once before the first query of `model` that `when` picks. Undone when the test ends. */
export function landBefore(
  t: { teardown(fn: () => void): void },
  model: { modelName: string },
  when: (query: AnyQuery) => boolean,
  land: () => Promise<unknown>,
): void {
  const exec = mongoose.Query.prototype.exec;
  let armed = true;
  mongoose.Query.prototype.exec = async function (this: AnyQuery) {
    if (armed && this.model.modelName === model.modelName && when(this)) {
      armed = false;
      await land();
    }
    return exec.call(this);
  };
  t.teardown(() => {
    mongoose.Query.prototype.exec = exec;
  });
}

/** The query's operation (mongoose keeps it on the query; its types do not name it). */
export const opOf = (query: AnyQuery) => ('op' in query ? query.op : undefined);
