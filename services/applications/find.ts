// Reading one application by id.
import { isValidObjectId, type Types } from 'mongoose';
import { ApplicationModel, type Application } from '../../models/application.ts';

/** An application as read with lean(). */
export type ApplicationDoc = Application & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

/** The application or null; malformed ids are simply unknown. */
export async function findApplication(id: string): Promise<ApplicationDoc | null> {
  if (!isValidObjectId(id)) return null;
  return ApplicationModel.findById(id).lean<ApplicationDoc>();
}
