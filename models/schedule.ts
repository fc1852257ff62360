// Opening hours of one window group (the windows serving an item, see services/booking/window-group.ts):
// per ISO weekday a morning and afternoon session split by the lunch break, the slot length and
// the seats per slot. The slot-generation job turns it into slots on working days.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const weekdayHoursSchema = new Schema(
  {
    weekday: { type: Number, required: true, min: 1, max: 7 }, // 1 = Monday … 7 = Sunday
    open: { type: String, required: true }, // HH:mm
    close: { type: String, required: true },
    lunchStart: { type: String, default: null },
    lunchEnd: { type: String, default: null },
  },
  { _id: false },
);

const scheduleSchema = new Schema(
  {
    windowGroup: { type: String, required: true, unique: true },
    windows: { type: [String], required: true },
    department: { type: String, required: true, index: true },
    hours: { type: [weekdayHoursSchema], default: [] },
    slotMinutes: { type: Number, required: true, min: 5, max: 240 },
    seatsPerSlot: { type: Number, required: true, min: 1, max: 1000 },
    active: { type: Boolean, default: true },
  },
  { timestamps: true, versionKey: false },
);

export type Schedule = InferSchemaType<typeof scheduleSchema>;
export type ScheduleDoc = Schedule & { _id: mongoose.Types.ObjectId };
export const ScheduleModel = mongoose.model('Schedule', scheduleSchema, 'schedules');
