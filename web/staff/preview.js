// Inline preview of an uploaded material: the file is fetched with the staff token (the
// download is audited by the server) and shown from a blob: URL, an image as <img>, a PDF in
// an <iframe>. URLs of the previous preview are released.
import { apiBlob, enc } from './api.js';
import { el } from './dom.js';

let urls = [];

export function releasePreviews() {
  for (const url of urls) URL.revokeObjectURL(url);
  urls = [];
}

/** Fills `box` with a preview of `material` of application `id`. */
export async function showPreview(box, id, material) {
  releasePreviews();
  box.replaceChildren(el('div', { className: 'muted' }, `正在加载 ${material.materialName}…`));
  try {
    const blob = await apiBlob(`/staff/applications/${enc(id)}/materials/${enc(material.materialName)}/file`);
    const typed = blob.type ? blob : new Blob([blob], { type: material.contentType });
    const url = URL.createObjectURL(typed);
    urls.push(url);
    const title = `${material.materialName}（${material.filename}）`;
    const view =
      typed.type === 'application/pdf'
        ? el('iframe', { src: url, title, className: 'pdf-view' })
        : el('img', { src: url, alt: title, className: 'image-view' });
    box.replaceChildren(
      el('div', { className: 'preview-head' }, title, ' ', el('a', { href: url, download: material.filename, className: 'small' }, '下载')),
      view,
    );
  } catch (error) {
    box.replaceChildren(el('div', { className: 'error' }, `无法预览：${error.message}`));
  }
}
