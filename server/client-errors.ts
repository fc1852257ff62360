// Requests so broken that Node's HTTP parser refuses them (headers over 16 KB, bad request
// lines, header timeouts) never reach Koa; Node would answer with a bare status line. This
// answers them in the API's error envelope too, then closes the connection.
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBodyOf } from './openapi.ts';
import { errorFormFor } from './route.ts';

const ANSWERS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'HEADERS_TOO_LARGE', '请求头过大'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT', '请求超时，请重试'],
};
const MALFORMED: [number, string, string] = [400, 'MALFORMED_REQUEST', '请求格式不正确'];

/** Installs the handler on `server` (replacing Node's default answer). */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    // Nothing can be written to a connection the client already dropped.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, code, message] = ANSWERS[error.code ?? ''] ?? MALFORMED;
    // WeChat Pay's callback answers in its own form; the path is on the request line, if any came.
    const path = /^[A-Z]+ ([^ ?]+)/.exec(error.rawPacket?.subarray(0, 2048).toString('latin1') ?? '')?.[1] ?? '';
    const body = JSON.stringify(errorBodyOf(errorFormFor(path), status, code, message));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        'X-Content-Type-Options: nosniff\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
