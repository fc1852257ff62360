// Exchanges a refresh token for a new access token, re-reading the principal so that a
// disabled account or a changed role takes effect at the next refresh.
import { CitizenModel } from '../../models/citizen.ts';
import { StaffModel } from '../../models/staff.ts';
import { signToken, verifyToken } from '../../server/auth/tokens.ts';
import { unauthenticated } from '../../server/errors.ts';

export async function refreshAccessToken(refreshToken: string): Promise<string> {
  const claimed = await verifyToken(refreshToken, 'refresh');
  if (claimed.kind === 'citizen') {
    if (!(await CitizenModel.exists({ _id: claimed.id }))) throw unauthenticated('登录凭证无效');
    return signToken({ kind: 'citizen', id: claimed.id });
  }
  const staff = await StaffModel.findOne({ _id: claimed.id, active: true }).lean();
  if (!staff) throw unauthenticated('登录凭证无效');
  return signToken({ kind: 'staff', id: claimed.id, role: staff.role, department: staff.department ?? null, windows: staff.windows });
}
