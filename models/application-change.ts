// The application change feed: one document per write of an application, keyed
// 'chg:<12-digit n>' with n = 1, 2, 3 … without gaps. FerretDB v1 (SQLite) uses an index only
// for `_id` equality, so the feed is appended with unique inserts and read by looking up the
// next `_id` until one is missing — never with a range or another filter (those scan).
import mongoose, { Schema } from 'mongoose';

export const applicationChangeSchema = new Schema(
  {
    _id: { type: String, required: true },
    applicationId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export const APPLICATION_CHANGES = 'application_changes';
export const ApplicationChangeModel = mongoose.model('ApplicationChange', applicationChangeSchema, APPLICATION_CHANGES);

/** The `_id` of feed entry `n`; zero-padded so the ids also sort by number. */
export const changeId = (n: number) => `chg:${String(n).padStart(12, '0')}`;
