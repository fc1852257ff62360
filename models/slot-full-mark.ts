// "Every seat of this slot was found taken, scanning from `scanStartedAt`": written by the booking
// that found a slot full, read by _id by the next ones so that a storm's losers stop at one read
// instead of trying every seat. It is trusted only while no seat was freed after the scan began
// (Slot.lastFreedAt), and deleted when a seat is freed.
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const slotFullMarkSchema = new Schema(
  {
    _id: { type: String, required: true }, // the slot id
    scanStartedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export type SlotFullMark = InferSchemaType<typeof slotFullMarkSchema>;
export const SlotFullMarkModel = mongoose.model('SlotFullMark', slotFullMarkSchema, 'slot_full_marks');
