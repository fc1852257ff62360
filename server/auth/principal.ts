// Who is calling. Carried in the access token, checked by the route's access rule.

export const STAFF_ROLES = ['window', 'dept_admin', 'center_admin', 'hotline_operator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface CitizenPrincipal {
  kind: 'citizen';
  id: string;
}

export interface StaffPrincipal {
  kind: 'staff';
  id: string;
  role: StaffRole;
  /** Department code; null for center admins, who see every department, and hotline operators. */
  department: string | null;
  windows: string[];
}

export interface ScreenPrincipal {
  kind: 'screen';
  id: string;
  hallCode: string;
  /** The device announces calls aloud. */
  speech: boolean;
}

export type Principal = CitizenPrincipal | StaffPrincipal | ScreenPrincipal;

/** True when staff may act on records of `departmentCode`. */
export function staffCoversDepartment(staff: StaffPrincipal, departmentCode: string): boolean {
  return staff.role === 'center_admin' || staff.department === departmentCode;
}

/** True for department and center admins. */
export function isAdmin(staff: StaffPrincipal): boolean {
  return staff.role === 'dept_admin' || staff.role === 'center_admin';
}

/** The hotline center: operators and center admins (they see every request and a reporter's identity). */
export function isHotlineCenter(staff: StaffPrincipal): boolean {
  return staff.role === 'hotline_operator' || staff.role === 'center_admin';
}
