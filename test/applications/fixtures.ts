// What the application tests share: sample files by content, a department with an item, staff
// and citizens, multipart uploads, and walking an application to a given status.
import type { TestApp } from '../helpers/app.ts';
import { buildCitizen, buildDepartment, buildItem, buildStaff, buildWindow } from '../helpers/factories.ts';

export const files = {
  pdf: (size = 400) =>
    Buffer.concat([Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), Buffer.alloc(size, 0x20), Buffer.from('\n%%EOF\n')]),
  png: () => Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  jpg: () =>
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(200, 1), Buffer.from([0xff, 0xd9])]),
  /** A Windows executable (MZ header), whatever it is called. */
  exe: () =>
    Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58, 0), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64, 0), Buffer.from('PE\0\0'), Buffer.alloc(300, 0)]),
};

export const REQUIRED = ['居民身份证', '申请表'] as const;

/** A department with one pre-review item, a window clerk, a department admin and a verified citizen. */
export async function buildScene(itemOverrides: Record<string, unknown> = {}) {
  const department = (await buildDepartment()).code;
  const window = (await buildWindow(department)).code;
  const item = await buildItem({ department, windows: [window], ...itemOverrides });
  return {
    department,
    item,
    clerk: await buildStaff('window', department, [window]),
    admin: await buildStaff('dept_admin', department),
    citizen: await buildCitizen({ verified: true }),
  };
}

/** Uploads `content` as `materialName` in a multipart body. */
export function upload(app: TestApp, token: string, id: string, materialName: string, content: Buffer, filename = 'scan.pdf') {
  const form = new FormData();
  form.append('materialName', materialName);
  form.append('file', new Blob([new Uint8Array(content)]), filename);
  return app.request('POST', `/api/v1/applications/${id}/materials`, { token, rawBody: form });
}

/** Opens an application for `itemCode` and uploads every required material. */
export async function openWithMaterials(app: TestApp, token: string, itemCode: string) {
  const opened = await app.request('POST', '/api/v1/applications', { token, body: { itemCode } });
  if (opened.status !== 201) throw new Error(`open failed: ${opened.text}`);
  for (const name of REQUIRED) {
    const res = await upload(app, token, opened.body.id, name, files.pdf());
    if (res.status !== 200) throw new Error(`upload failed: ${res.text}`);
  }
  return opened.body.id as string;
}

/** An application of the scene's citizen walked to `status` through the API. */
export async function applicationIn(app: TestApp, scene: Awaited<ReturnType<typeof buildScene>>, status: 'submitted' | 'approved' | 'accepted' | 'completed') {
  const id = await openWithMaterials(app, scene.citizen.token, scene.item.code);
  const steps: [string, unknown][] = [
    [`/api/v1/applications/${id}/submit`, undefined],
    [`/api/v1/staff/applications/${id}/review`, { decision: 'approve' }],
    [`/api/v1/staff/applications/${id}/accept`, undefined],
    [`/api/v1/staff/applications/${id}/complete`, { onsiteVisits: 1 }],
  ];
  const count = ['submitted', 'approved', 'accepted', 'completed'].indexOf(status) + 1;
  for (const [index, [path, body]] of steps.slice(0, count).entries()) {
    const token = index === 0 ? scene.citizen.token : scene.clerk.token;
    const res = await app.request('POST', path, { token, body });
    if (res.status !== 200) throw new Error(`${path} failed: ${res.text}`);
  }
  return id;
}
