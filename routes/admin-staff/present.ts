// The answer shape of a staff account: never the password hash.
import type { z } from 'zod';
import type { StaffRecord } from '../../services/staff/manage.ts';
import type { StaffOut } from './schema.ts';

export function presentStaff(staff: StaffRecord): z.infer<typeof StaffOut> {
  return {
    id: String(staff._id),
    username: staff.username,
    name: staff.name,
    role: staff.role,
    department: staff.department ?? null,
    windows: [...staff.windows],
    active: staff.active,
    mustChangePassword: staff.mustChangePassword,
  };
}
