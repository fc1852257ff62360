// The GridFS bucket `materials` that holds uploaded material files (services/applications/
// material-files.ts writes it through the driver's GridFSBucket). Declared here so connecting
// makes both collections and the indexes GridFS would otherwise create on the first upload —
// while a second upload may already be inserting its chunks (server/db.ts says why that races).
import mongoose, { Schema } from 'mongoose';

export const MATERIALS_BUCKET = 'materials';

const fileSchema = new Schema(
  {
    filename: String,
    uploadDate: Date,
    length: Number,
    chunkSize: Number,
    metadata: Schema.Types.Mixed,
  },
  { collection: `${MATERIALS_BUCKET}.files`, versionKey: false, strict: false },
);
// The indexes a GridFS bucket checks for (by key) before its first write.
fileSchema.index({ filename: 1, uploadDate: 1 });

const chunkSchema = new Schema(
  {
    files_id: Schema.Types.ObjectId,
    n: Number,
    data: Buffer,
  },
  { collection: `${MATERIALS_BUCKET}.chunks`, versionKey: false, strict: false },
);
chunkSchema.index({ files_id: 1, n: 1 }, { unique: true });

export const MaterialFileModel = mongoose.model('MaterialFile', fileSchema);
export const MaterialChunkModel = mongoose.model('MaterialChunk', chunkSchema);
