// Admin entries of the working-day calendar: local closures and extra working days (one per
// date), and the years an admin has confirmed (entered or reviewed in full) when the holiday
// package carries no official data for them.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const CALENDAR_DAY_KINDS = ['closure', 'extra_working_day'] as const;

const calendarDaySchema = new Schema(
  {
    date: { type: String, required: true, unique: true }, // YYYY-MM-DD
    kind: { type: String, enum: CALENDAR_DAY_KINDS, required: true },
    name: { type: String, default: '' }, // 例如 "县庆放假", "春节调休上班"
    /** `local`: entered by an admin; `official_import`: from a year's imported arrangement (replaced by the next import). */
    source: { type: String, enum: ['local', 'official_import'], default: 'local' },
  },
  { timestamps: true, versionKey: false },
);

const calendarYearSchema = new Schema(
  {
    year: { type: Number, required: true, unique: true },
    confirmedBy: { type: String, required: true },
    confirmedAt: { type: Date, required: true },
    note: { type: String, default: '' },
  },
  { versionKey: false },
);

export type CalendarDay = InferSchemaType<typeof calendarDaySchema>;
export type CalendarYear = InferSchemaType<typeof calendarYearSchema>;
export const CalendarDayModel = mongoose.model('CalendarDay', calendarDaySchema, 'calendar_days');
export const CalendarYearModel = mongoose.model('CalendarYear', calendarYearSchema, 'calendar_years');
