// Short-lived access tokens (JWT, HS256) and long-lived refresh tokens for the same principal.
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { config } from '../config.ts';
import { unauthenticated } from '../errors.ts';
import { STAFF_ROLES, type CitizenPrincipal, type StaffPrincipal } from './principal.ts';

const ISSUER = 'onetrip';
const secret = () => new TextEncoder().encode(config.JWT_SECRET);

type TokenPrincipal = CitizenPrincipal | StaffPrincipal;
type TokenUse = 'access' | 'refresh';

/** Signs a token for `principal`; refresh tokens carry only identity, never rights. */
export async function signToken(principal: TokenPrincipal, use: TokenUse = 'access'): Promise<string> {
  const ttl = use === 'access' ? config.ACCESS_TOKEN_TTL_SECONDS : config.REFRESH_TOKEN_TTL_SECONDS;
  const claims =
    principal.kind === 'staff'
      ? { kind: 'staff', role: principal.role, department: principal.department, windows: principal.windows, use }
      : { kind: 'citizen', use };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.id)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${ttl}s`)
    .sign(secret());
}

/** Verifies a token of the given use; throws 401 UNAUTHENTICATED for anything wrong. */
export async function verifyToken(token: string, use: TokenUse = 'access'): Promise<TokenPrincipal & { issuedAt: number }> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, secret(), { issuer: ISSUER, algorithms: ['HS256'] }));
  } catch (error) {
    const expired = error instanceof joseErrors.JWTExpired;
    throw unauthenticated(expired ? '登录已过期，请重新登录' : '登录凭证无效');
  }
  if (payload.use !== use || typeof payload.sub !== 'string') throw unauthenticated('登录凭证无效');
  const issuedAt = Number(payload.iat ?? 0);
  if (payload.kind === 'citizen') return { kind: 'citizen', id: payload.sub, issuedAt };
  const role = payload.role as StaffPrincipal['role'];
  if (payload.kind !== 'staff' || !STAFF_ROLES.includes(role)) throw unauthenticated('登录凭证无效');
  return {
    kind: 'staff',
    id: payload.sub,
    role,
    department: typeof payload.department === 'string' ? payload.department : null,
    windows: Array.isArray(payload.windows) ? payload.windows.map(String) : [],
    issuedAt,
  };
}

/** Access-token lifetime in seconds, for the `expiresIn` field of login answers. */
export const accessTokenTtl = () => config.ACCESS_TOKEN_TTL_SECONDS;
