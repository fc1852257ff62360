// docs/api.md is the API contract inside the repository: every route of the OpenAPI document is
// listed there and every route it lists exists, and no file of the repository points outside it.
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { routers } from '../../routes/index.ts';
import { openApiDocument } from '../../server/openapi.ts';

void routers; // loading the routers registers every route
const root = fileURLToPath(new URL('../..', import.meta.url));
const docs = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');

/** "GET /api/v1/items/{code}" for every route a text names as METHOD /path (`:code` or `{code}`). */
function routesIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(/\b(GET|POST|PUT|PATCH|DELETE) (\/[A-Za-z0-9_\-/:{}.]*)/g)) {
    found.add(`${match[1]} ${match[2]!.replace(/:([A-Za-z_]+)/g, '{$1}').replace(/\/$/, '') || '/'}`);
  }
  return found;
}

test('docs/api.md › lists every route of /openapi.json, and only those', (t) => {
  const documented = new Set<string>();
  for (const [path, methods] of Object.entries((openApiDocument() as { paths: Record<string, object> }).paths)) {
    for (const method of Object.keys(methods)) documented.add(`${method.toUpperCase()} ${path}`);
  }
  const listed = routesIn(docs);
  t.deepEqual([...documented].filter((route) => !listed.has(route)).sort(), [], 'routes of /openapi.json missing from docs/api.md');
  t.deepEqual([...listed].filter((route) => !documented.has(route)).sort(), [], 'routes in docs/api.md the server does not have');
});

test('repository › no file points to the shared folder outside it', (t) => {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  const pointing = files.filter((file) => {
    if (file.startsWith('node_modules/')) return false;
    try {
      return readFileSync(`${root}/${file}`, 'utf8').includes(['..', 'shared'].join('/'));
    } catch {
      return false; // removed in the work tree, or not text
    }
  });
  t.deepEqual(pointing, []);
  t.regex(readFileSync(`${root}/README.md`, 'utf8'), /docs\/api\.md/, 'the README points to docs/api.md');
});
