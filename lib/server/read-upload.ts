import 'server-only';
import { safeName } from './uploads';
import { formatMegabytes } from '../domain/format';

export type UploadBody = { ok: true; bytes: Uint8Array; name: string } | { ok: false; status: number; error: string; detail: string };

const BINARY_TYPES = /^(image|audio|video)\/|^application\/(zip|gzip|x-gzip|pdf|x-7z|x-rar|x-tar|vnd\.openxmlformats)/i;

/**
 * Read an upload's bytes within the size limit: a declared length over the limit is refused before
 * reading; a body that grows past it is cut off. Accepts multipart/form-data (field `file`) or a raw
 * text body (name from `?name=` or the X-Filename header).
 */
export async function readUpload(request: Request, limit: number): Promise<UploadBody> {
  const type = request.headers.get('content-type') ?? '';
  const tooLarge = (size: string): UploadBody => ({
    ok: false,
    status: 413,
    error: 'too large',
    detail: `the upload is ${size}; the limit is ${formatMegabytes(limit)}`,
  });
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return tooLarge(formatMegabytes(declared));
  if (BINARY_TYPES.test(type))
    return { ok: false, status: 415, error: 'unsupported media type', detail: `the file is ${type.split(';')[0]}, not a CSV register` };
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit + 64 * 1024) {
      await reader.cancel().catch(() => undefined);
      return tooLarge('over the limit');
    }
    chunks.push(value);
  }
  const body = Buffer.concat(chunks);
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    if (body.length > limit) return tooLarge(formatMegabytes(body.length));
    const url = new URL(request.url);
    return { ok: true, bytes: body, name: safeName(url.searchParams.get('name') ?? request.headers.get('x-filename')) };
  }
  let form: FormData;
  try {
    form = await new Request('http://local/', { method: 'POST', headers: { 'content-type': type }, body }).formData();
  } catch {
    return { ok: false, status: 400, error: 'bad request', detail: 'the multipart/form-data body could not be read' };
  }
  const file = form.get('file');
  if (!file || typeof file === 'string')
    return { ok: false, status: 400, error: 'bad request', detail: 'no file in the form field "file"' };
  if (file.size > limit) return tooLarge(formatMegabytes(file.size));
  if (BINARY_TYPES.test(file.type))
    return { ok: false, status: 415, error: 'unsupported media type', detail: `the file is ${file.type}, not a CSV register` };
  return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()), name: safeName(file.name) };
}
