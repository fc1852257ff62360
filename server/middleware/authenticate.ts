// Access rules. Every route names one; this middleware enforces it before validation, so an
// anonymous caller learns nothing about a route's input rules.
import type { Middleware, ParameterizedContext } from 'koa';
import { forbidden, unauthenticated } from '../errors.ts';
import { verifyToken } from '../auth/tokens.ts';
import { resolveScreenToken } from '../auth/screen-token.ts';
import type { CitizenPrincipal, StaffPrincipal } from '../auth/principal.ts';
import type { AppState } from '../state.ts';

/**
 * public: anyone · citizen · staff: any staff role · admin: dept or center admin · center_admin ·
 * hotline: the hotline center (operators and center admins) · screen: a lobby device.
 */
export type Access = 'public' | 'citizen' | 'staff' | 'admin' | 'center_admin' | 'hotline' | 'screen';

export function authenticate(access: Access): Middleware<AppState> {
  return async (ctx, next) => {
    if (access === 'public') return next();
    if (access === 'screen') {
      const token = ctx.get('X-Screen-Token') || (typeof ctx.query.token === 'string' ? ctx.query.token : '');
      if (!token) throw unauthenticated('缺少大屏设备令牌');
      ctx.state.principal = await resolveScreenToken(token);
      return next();
    }
    const header = ctx.get('Authorization');
    const match = /^Bearer ([A-Za-z0-9._-]{10,4096})$/.exec(header);
    if (!match) throw unauthenticated();
    const principal = await verifyToken(match[1]!);
    ctx.state.principal = principal;
    if (!allows(access, principal)) throw forbidden();
    return next();
  };
}

function allows(access: Access, principal: CitizenPrincipal | StaffPrincipal): boolean {
  switch (access) {
    case 'citizen':
      return principal.kind === 'citizen';
    case 'staff':
      return principal.kind === 'staff';
    case 'admin':
      return principal.kind === 'staff' && (principal.role === 'dept_admin' || principal.role === 'center_admin');
    case 'center_admin':
      return principal.kind === 'staff' && principal.role === 'center_admin';
    case 'hotline':
      return principal.kind === 'staff' && (principal.role === 'hotline_operator' || principal.role === 'center_admin');
    default:
      return false;
  }
}

/** The calling citizen; only for routes whose access is 'citizen'. */
export function citizenOf(ctx: ParameterizedContext<AppState>): CitizenPrincipal {
  const principal = ctx.state.principal;
  if (principal?.kind !== 'citizen') throw forbidden();
  return principal;
}

/** The calling staff member; only for routes whose access is staff, admin or center_admin. */
export function staffOf(ctx: ParameterizedContext<AppState>): StaffPrincipal {
  const principal = ctx.state.principal;
  if (principal?.kind !== 'staff') throw forbidden();
  return principal;
}
