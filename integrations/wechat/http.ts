// The one place that sends HTTP requests to WeChat's server API. Error messages name the
// path only: query strings carry appsecret or access_token and must never reach a log.
import { WechatApiError, WechatUnavailableError } from './errors.ts';

/** How long a WeChat call may take before it counts as unavailable. */
export const DEFAULT_TIMEOUT_MS = 5_000;

export interface WechatRequest {
  apiBase: string;
  /** e.g. `/sns/jscode2session` */
  path: string;
  query?: Record<string, string>;
  /** Sent as JSON with POST when present; GET otherwise. */
  body?: unknown;
  timeoutMs?: number;
}

/** Calls WeChat and returns the parsed answer, or throws WechatApiError / WechatUnavailableError. */
export async function callWechat<T extends object>(request: WechatRequest): Promise<T> {
  const url = new URL(request.apiBase.replace(/\/+$/, '') + request.path);
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
  const init: RequestInit = { signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS) };
  if (request.body !== undefined) {
    init.method = 'POST';
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(request.body);
  }
  const text = await fetchText(request.path, url, init);
  const answer = parseAnswer(request.path, text);
  const errcode = typeof answer.errcode === 'number' ? answer.errcode : 0;
  if (errcode !== 0) {
    throw new WechatApiError(request.path, errcode, typeof answer.errmsg === 'string' ? answer.errmsg : '');
  }
  return answer as T;
}

async function fetchText(path: string, url: URL, init: RequestInit): Promise<string> {
  try {
    const response = await fetch(url, init);
    // Reading the body stays under the same abort signal, so a server that stalls mid-body times out too.
    const text = await response.text();
    if (!response.ok) throw new WechatUnavailableError(path, `HTTP ${response.status}`);
    return text;
  } catch (error) {
    if (error instanceof WechatUnavailableError) throw error;
    const reason = isTimeout(error) ? 'timed out' : 'network error';
    // The cause is kept for debugging; undici's errors name the host, never the query string.
    throw new WechatUnavailableError(path, reason, { cause: error });
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

// jscode2session answers with content-type text/plain, so the body is parsed whatever the header says.
function parseAnswer(path: string, text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through: reported below without echoing the body
  }
  throw new WechatUnavailableError(path, 'answer is not a JSON object');
}
