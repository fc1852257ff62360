// The public API, called with the signed-in staff member's Bearer token. The session lives in
// this tab's sessionStorage. Access tokens are short-lived: a 401 is answered once by renewing
// the token with the refresh token (POST /auth/refresh) and retrying; when that fails too, the
// tab is signed out.
const KEY = 'onetrip.staff.session';
const store = window.sessionStorage;

export function session() {
  try {
    return JSON.parse(store.getItem(KEY) || 'null');
  } catch {
    return null;
  }
}
export function saveSession(value) {
  store.setItem(KEY, JSON.stringify(value));
}
export function clearSession() {
  store.removeItem(KEY);
}

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

let renewing = null;

/** One renewal at a time, however many requests met the 401 together; resolves to success. */
function renewToken() {
  const current = session();
  if (!current?.refreshToken) return Promise.resolve(false);
  renewing ??= fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken: current.refreshToken }),
    cache: 'no-store',
  })
    .then(async (response) => {
      if (!response.ok) return false;
      const answer = await response.json();
      saveSession({ ...current, token: answer.token });
      return true;
    })
    .catch(() => false)
    .finally(() => (renewing = null));
  return renewing;
}

async function request(method, path, body) {
  const headers = {};
  const token = session()?.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请稍后重试');
  }
}

async function send(method, path, body) {
  const signedIn = Boolean(session()?.token);
  let response = await request(method, path, body);
  if (response.status === 401 && signedIn) {
    if (await renewToken()) response = await request(method, path, body);
    if (response.status === 401) {
      clearSession();
      window.dispatchEvent(new Event('staff:signed-out'));
    }
  }
  if (!response.ok) {
    const answer = await response.json().catch(() => null);
    const error = answer?.error;
    throw new ApiError(response.status, error?.code || `HTTP_${response.status}`, error?.message || `请求失败（${response.status}）`, error?.details);
  }
  return response;
}

/** A JSON request; resolves to the answer, rejects with an ApiError carrying the Chinese message. */
export async function api(method, path, body) {
  const response = await send(method, path, body);
  return response.status === 204 ? null : response.json();
}

/** A file behind the token, as a Blob (for blob: previews). */
export async function apiBlob(path) {
  return (await send('GET', path)).blob();
}

export const enc = encodeURIComponent;
