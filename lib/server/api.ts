import 'server-only';
import { createHash } from 'node:crypto';
import { parseApiQuery, type ApiQuery } from '../view/api-query';
import type { Dataset, DatasetInfo } from '../store/dataset';
import { DEFAULT_DATASET } from '../view/resolve-view';
import type { ApiResult } from './api-results';
import { resultCsv, resultJson } from './api-results';
import { datasetsFor, listDatasets, retryIfChanged, withData } from './load-datasets';
import type { Viewer } from '../view/access';
import { viewerOf } from './viewer';
import { Lru } from './lru';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body, null, 2), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

/** Errors answer JSON `{ error, detail }` (plus the parameter, for 400s); never a stack trace. */
export function apiError(status: number, error: string, detail: string, extra: Record<string, unknown> = {}): Response {
  return json({ error, detail, ...extra }, status);
}

/** Run a handler; anything it throws becomes a plain 500 without internals. */
export async function guarded(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (e) {
    // A file changed on disk or was deleted while its rows were read: say so, the next try sees it.
    if ((e as Error).name === 'DatasetsChanged') return apiError(503, 'dataset changed', `${(e as Error).message}; try again`);
    console.error('API error:', e);
    return apiError(500, 'internal error', 'the server failed to answer this request; it has been logged');
  }
}

/**
 * Find the requested datasets (or the default, among those listed for this viewer), or a 404 naming
 * the unknown id and the ids this viewer may know of. Any upload opens by its id: its link is its share.
 */
export async function pickDatasets(ids: string[], fallback: string, viewer: Viewer): Promise<DatasetInfo[] | Response> {
  const all = (await datasetsFor(viewer, ids)).filter((d) => d.error === null);
  if (ids.length === 0) {
    const d = all.find((x) => x.id === fallback) ?? all[0];
    return d ? [d] : [];
  }
  const chosen: DatasetInfo[] = [];
  for (const id of ids) {
    const d = all.find((x) => x.id === id);
    if (!d)
      return apiError(404, 'unknown dataset', `no dataset "${id}"; GET /api/datasets lists them`, {
        param: 'dataset',
        allowed: (await listDatasets(viewer)).filter((x) => x.error === null).map((x) => x.id),
      });
    chosen.push(d);
  }
  return chosen;
}

/** An ETag from the data versions and the exact query: repeated requests get 304 cheaply. */
export function etagOf(datasets: DatasetInfo[], query: string): string {
  const h = createHash('sha256');
  for (const d of datasets) h.update(d.version);
  h.update(query);
  return `"${h.digest('hex').slice(0, 24)}"`;
}

/** 304 when the client already holds this version. */
export function notModified(request: Request, etag: string): Response | null {
  const match = request.headers.get('if-none-match');
  return match && match.split(',').some((t) => t.trim() === etag) ? new Response(null, { status: 304, headers: { ETag: etag } }) : null;
}

export function csvResponse(body: string | Uint8Array<ArrayBuffer>, filename: string, etag?: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}.csv"`,
      ...(etag ? { ETag: etag } : {}),
      'Cache-Control': 'no-cache',
    },
  });
}

/**
 * Finished API bodies by ETag: a repeated query costs a lookup, not an aggregation. Kept as UTF-8
 * bytes, encoded once: a string body was encoded again for every answer (~0.07 ms of the ~1.2 ms a
 * cached /api/aggregate answer costs the server, for its 85 KB).
 */
type Body = { bytes: Uint8Array<ArrayBuffer>; type: 'json' | 'csv'; name?: string };
const bodies = new Lru<Body>(500, 64 * 1024 * 1024, (v) => v.bytes.length);

/**
 * Answer from the body cache, or compute the body once and keep it. The ETag already names the data
 * versions and the exact query, so it is the cache key.
 */
export async function cachedBody(etag: string, compute: () => { body: string; type: 'json' | 'csv'; name?: string }): Promise<Response> {
  let hit = bodies.get(etag);
  if (!hit) {
    const { body, type, name } = compute();
    hit = { bytes: new TextEncoder().encode(body), type, name };
    bodies.set(etag, hit);
  }
  return bodyResponse(hit, etag);
}

function bodyResponse(hit: Body, etag: string): Response {
  if (hit.type === 'csv') return csvResponse(hit.bytes, hit.name ?? 'data', etag);
  return new Response(hit.bytes, {
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ETag: etag, 'Cache-Control': 'no-cache' },
  });
}

export type DataRequest = { q: ApiQuery; picked: Dataset[]; url: URL; etag: string };

/**
 * The shared front of the data routes: validate the query (400 naming the parameter), find the
 * datasets (404), compute the ETag from their versions and the query, and answer 304 when the client
 * has it. `etagSalt` separates routes that share a query string.
 */
export function dataRoute(
  request: Request,
  options: { needBy: boolean; etagSalt: string; extra?: (q: ApiQuery, picked: DatasetInfo[]) => string },
  handler: (r: DataRequest) => Promise<Response> | Response,
): Promise<Response> {
  return guarded(async () => {
    const url = new URL(request.url);
    const q = parseApiQuery(url.searchParams, { needBy: options.needBy });
    if ('error' in q) return json(q, 400);
    if (!options.needBy && q.by.length)
      return json({ error: 'bad parameter', param: 'by', detail: 'deals are not grouped: leave out "by"' }, 400);
    const viewer = viewerOf(request.headers);
    if (viewer.problem) return apiError(400, 'bad request', viewer.problem, { param: 'Authorization' });
    // Once more if a dataset changes under the answer (the second try sees it, with a new ETag).
    return retryIfChanged(async () => {
      const infos = await pickDatasets(q.datasets, DEFAULT_DATASET, viewer);
      if (infos instanceof Response) return infos;
      const etag = etagOf(infos, `${options.etagSalt}${url.search}|${options.extra?.(q, infos) ?? ''}`);
      const known = notModified(request, etag) ?? bodies.get(etag);
      if (known) return known instanceof Response ? known : bodyResponse(known, etag);
      // Only now the rows: an answer already made needs no dataset in memory (they may have been let go).
      return handler({ q, picked: await withData(infos), url, etag });
    });
  });
}

/** Answer a data route from the body cache, computing the result once in the format asked for. */
export function cachedResult(etag: string, format: 'json' | 'csv', key: 'rows' | 'deals', compute: () => ApiResult): Promise<Response> {
  return cachedBody(etag, () => {
    const r = compute();
    return format === 'csv' ? { type: 'csv', name: r.name, body: resultCsv(r) } : { type: 'json', body: resultJson(r, key) };
  });
}
