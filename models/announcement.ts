// An announcement on the lobby screens of one hall (or of every hall when hallCode is null).
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const announcementSchema = new Schema(
  {
    hallCode: { type: String, default: null, index: true },
    text: { type: String, required: true, maxlength: 500 },
    /** Shown from / until these instants; null = no bound. */
    startsAt: { type: Date, default: null },
    endsAt: { type: Date, default: null },
    active: { type: Boolean, default: true },
    sortOrder: { type: Number, default: 0 },
  },
  { timestamps: true, versionKey: false },
);

export type Announcement = InferSchemaType<typeof announcementSchema>;
export const AnnouncementModel = mongoose.model('Announcement', announcementSchema, 'announcements');
