import { expect, test } from '@playwright/test';
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { smallRegister } from './fixtures';
import { ServerProcess } from './server-process';
import { needsShared } from './support';

test.describe.configure({ mode: 'serial' });

/** One API client throughout: uploads are private to whoever sent them, and this bearer token owns them. */
const CLIENT = { authorization: 'Bearer faults-spec-client-5f0c2e9a7b3d4c1e8a6f' };

async function upload(server: ServerProcess, text: string) {
  const res = await fetch(`${server.url}/api/datasets`, { method: 'POST', headers: { ...CLIENT, 'content-type': 'text/csv' }, body: text });
  return { status: res.status, body: await res.json() };
}

async function uploadedIds(server: ServerProcess): Promise<string[]> {
  const body = await (await fetch(`${server.url}/api/datasets`, { headers: CLIENT })).json();
  return body.datasets.filter((d: { origin: string }) => d.origin === 'uploaded').map((d: { id: string }) => d.id);
}

/** Start a large upload that trickles in, and resolve once the server has started receiving it. */
function trickleUpload(server: ServerProcess, totalBytes: number): Promise<void> {
  return new Promise((resolveStarted) => {
    const req = httpRequest(`${server.url}/api/datasets`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'content-length': String(totalBytes) },
    });
    req.on('error', () => undefined);
    const chunk = Buffer.from(smallRegister('trickle').repeat(1));
    req.write(chunk);
    let sent = chunk.length;
    const timer = setInterval(() => {
      if (sent >= totalBytes - 1024 || req.destroyed) return clearInterval(timer);
      const piece = Buffer.alloc(64 * 1024, 0x41);
      sent += piece.length;
      req.write(piece);
    }, 20);
    setTimeout(resolveStarted, 400);
  });
}

test('SIGKILL during an upload, a read and a download: earlier datasets intact, nothing half-written listed', async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'arms-faults-'));
  const server = new ServerProcess(3111, { DATA_DIR: dataDir });
  await server.start();
  try {
    const stored = [smallRegister(`kept one ${Date.now()}`), smallRegister(`kept two ${Date.now()}`)];
    const ids: string[] = [];
    for (const text of stored) {
      const r = await upload(server, text);
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    // 1. Killed while a large upload is in flight.
    await trickleUpload(server, 20 * 1024 * 1024);
    server.kill();
    await server.start();
    expect((await uploadedIds(server)).sort(), 'after a kill during an upload').toEqual([...ids].sort());
    // 2. Killed while a dataset is being read, and 3. while a download is being produced.
    for (const path of [`/api/deals?dataset=${ids[0]}&format=csv`, `/api/bundle?dataset=${ids[1]}&by=year`]) {
      const pending = fetch(`${server.url}${path}`).catch(() => null);
      server.kill();
      await pending;
      await server.start();
      expect((await uploadedIds(server)).sort(), `after a kill during ${path}`).toEqual([...ids].sort());
    }
    ids.forEach((id, i) => expect(readFileSync(join(dataDir, 'uploads', `${id}.csv`), 'utf8'), 'byte-identical').toBe(stored[i]));
    const leftovers = readdirSync(join(dataDir, 'uploads')).filter((n) => !/^u-[0-9a-f]{32}\.(csv|json)$/.test(n));
    expect(
      leftovers.every((n) => n.startsWith('.tmp-')),
      'only temporary files may remain, never listed',
    ).toBe(true);
  } finally {
    server.kill();
  }
});

test('a stored dataset changed on disk is detected by its hash, reported and not served', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'arms-corrupt-'));
  // Every request scans the folders: a change on disk is seen at the next scan, and an upload lists
  // itself without one, so with the default 1 s between scans the next listing could predate the damage.
  const server = new ServerProcess(3112, { DATA_DIR: dataDir, DATA_SCAN_MS: '0' });
  await server.start();
  try {
    const { body } = await upload(server, smallRegister(`to corrupt ${Date.now()}`));
    const path = join(dataDir, 'uploads', `${body.id}.csv`);
    writeFileSync(path, readFileSync(path, 'utf8').replace('T-62', 'T-72'));
    const listing = await (await fetch(`${server.url}/api/datasets`, { headers: CLIENT })).json();
    expect(listing.datasets.map((d: { id: string }) => d.id)).not.toContain(body.id);
    expect(listing.corrupt[0].id).toBe(body.id);
    expect(listing.corrupt[0].reason).toContain('content hash');
    expect((await fetch(`${server.url}/api/deals?dataset=${body.id}`)).status, 'not served').toBe(404);
  } finally {
    server.kill();
  }
});

test('a data directory that cannot be written: the server serves the bundled data and says why uploads are refused', async ({ page }) => {
  const base = mkdtempSync(join(tmpdir(), 'arms-nodir-'));
  writeFileSync(join(base, 'a-file'), 'not a folder');
  const server = new ServerProcess(3113, { DATA_DIR: join(base, 'a-file', 'data') });
  await server.start();
  try {
    const listing = await (await fetch(`${server.url}/api/datasets`, { headers: CLIENT })).json();
    expect(listing.uploads.enabled).toBe(false);
    expect(listing.uploads.reason).toContain('uploads are refused');
    expect(listing.datasets.length, 'bundled data still served').toBeGreaterThanOrEqual(4);
    const refused = await upload(server, smallRegister('refused'));
    expect(refused.status).toBe(503);
    expect(refused.body.detail).toContain('cannot be written');
    await page.goto(server.url);
    await expect(page.getByTestId('upload-disabled')).toContainText('uploads are refused');
    await expect(page.getByTestId('sankey-node').first()).toBeVisible();
  } finally {
    server.kill();
  }
});

test('uploads survive a restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'arms-restart-'));
  const server = new ServerProcess(3114, { DATA_DIR: dataDir });
  await server.start();
  try {
    const { body } = await upload(server, smallRegister(`survivor ${Date.now()}`));
    server.kill();
    await server.start();
    expect(await uploadedIds(server)).toEqual([body.id]);
  } finally {
    server.kill();
  }
});

/** A small tmpfs of our own (needs root and mount); null where the machine does not allow it. */
function tmpfs(sizeKb: number): { dir: string; remountReadOnly: () => void; unmount: () => void } | null {
  const dir = mkdtempSync(join(tmpdir(), 'arms-tmpfs-'));
  try {
    execSync(`mount -t tmpfs -o size=${sizeKb}k tmpfs ${dir}`, { stdio: 'ignore' });
  } catch {
    return null;
  }
  return {
    dir,
    remountReadOnly: () => execSync(`mount -o remount,ro ${dir}`, { stdio: 'ignore' }),
    unmount: () => execSync(`umount ${dir}`, { stdio: 'ignore' }),
  };
}

test('a full disk: the upload is refused with the reason, and nothing half-written is listed', async () => {
  const fs = tmpfs(64);
  test.skip(!fs, 'needs root and mount (tmpfs) to make a full disk');
  const server = new ServerProcess(3116, { DATA_DIR: fs!.dir });
  await server.start();
  try {
    const big = smallRegister(
      'full',
      Array.from({ length: 4000 }, (_, i) => `Iran,China,1982,,1,,T-${i},tank,1,,1982,New,filler row ${i},1,1,1`),
    );
    const r = await upload(server, big);
    expect(r.status).toBe(503);
    expect(r.body.detail).toContain('the disk is full');
    expect(await uploadedIds(server)).toEqual([]);
    const small = await upload(server, smallRegister('fits'));
    expect(small.status, 'a small file still fits').toBe(201);
  } finally {
    server.kill();
    fs!.unmount();
  }
});

test('a read-only data directory: the server starts, serves the bundled data and says why uploads are refused', async () => {
  const fs = tmpfs(1024);
  test.skip(!fs, 'needs root and mount (tmpfs) to make a read-only directory');
  mkdirSync(join(fs!.dir, 'uploads'));
  fs!.remountReadOnly();
  const server = new ServerProcess(3117, { DATA_DIR: fs!.dir });
  await server.start();
  try {
    const listing = await (await fetch(`${server.url}/api/datasets`, { headers: CLIENT })).json();
    expect(listing.uploads.enabled).toBe(false);
    expect(listing.uploads.reason).toContain('read-only');
    expect(listing.datasets.length).toBeGreaterThanOrEqual(4);
    const r = await upload(server, smallRegister('read-only'));
    expect(r.status).toBe(503);
  } finally {
    server.kill();
    fs!.unmount();
  }
});

const REGISTER = 'register-all-2025-03.csv';

/** A server on a fresh data directory whose heap can be measured after a collection (GET /api/health). */
async function serverWithMemory(port: number, dirPrefix: string, env: Record<string, string> = {}) {
  const server = new ServerProcess(port, {
    DATA_DIR: mkdtempSync(join(tmpdir(), dirPrefix)),
    DATA_SCAN_MS: '0',
    ARMS_EXPOSE_GC: '1',
    NODE_OPTIONS: '--expose-gc',
    ...env,
  });
  await server.start();
  // The heap and the memory outside it: a register's deals and facts are typed arrays, and its
  // decoded text may be an external string, both counted in `external`, not in `heapUsed`.
  const memoryUsed = async () => {
    const { memory } = await (await fetch(`${server.url}/api/health`)).json();
    return (memory.heapUsed + memory.external) as number;
  };
  return { server, memoryUsed };
}

/** Upload the whole SIPRI register n times, each a distinct content (trailing blank lines): n datasets of 29,515 deals. */
async function uploadRegisterCopies(server: ServerProcess, n: number): Promise<string[]> {
  const bytes = readFileSync(resolve(__dirname, '..', '..', 'shared', 'data', 'sipri', REGISTER));
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) {
    const body = Buffer.concat([bytes, Buffer.from('\n'.repeat(i))]);
    const res = await fetch(`${server.url}/api/datasets`, { method: 'POST', headers: { ...CLIENT, 'content-type': 'text/csv' }, body });
    expect(res.status).toBe(201);
    ids.push((await res.json()).id);
  }
  return ids;
}

/**
 * Memory in use above `before`, once under `limit`: typed arrays' memory is given back after the
 * collection that finds them unreachable, not by it, so it is asked again (each ask collects) for a
 * few seconds before the test fails.
 */
async function settlesBelow(memoryUsed: () => Promise<number>, before: number, limit: number, message: string): Promise<number> {
  let used = Infinity;
  await expect.poll(async () => (used = (await memoryUsed()) - before), { message, timeout: 10_000 }).toBeLessThan(limit);
  return used;
}

test('deleted uploads are let go: the memory they held is freed at the next scan', async () => {
  test.skip(!!needsShared(REGISTER), needsShared(REGISTER) || '');
  const { server, memoryUsed } = await serverWithMemory(3118, 'arms-forget-');
  try {
    await uploadedIds(server);
    const before = await memoryUsed();
    const ids = await uploadRegisterCopies(server, 4);
    expect(await uploadedIds(server)).toHaveLength(4);
    const held = (await memoryUsed()) - before;
    expect(held, 'the four uploads are held in memory while listed').toBeGreaterThan(30e6);
    for (const id of ids) expect((await fetch(`${server.url}/api/datasets/${id}`, { method: 'DELETE', headers: CLIENT })).status).toBe(200);
    expect(await uploadedIds(server), 'the scan after the deletions lists none').toHaveLength(0);
    const left = await settlesBelow(memoryUsed, before, held / 3, 'most of it is freed');
    console.log(`held ${(held / 1e6).toFixed(0)} MB by four uploads; ${(left / 1e6).toFixed(0)} MB left after deleting them`);
  } finally {
    server.kill();
  }
});

test('registers past DATASET_MEMORY_MB are let go and read again from disk when shown', async () => {
  test.skip(!!needsShared(REGISTER), needsShared(REGISTER) || '');
  // Room for one copy of the register (3.8 MB on disk) in memory, not two.
  const { server, memoryUsed } = await serverWithMemory(3110, 'arms-budget-', { DATASET_MEMORY_MB: '5' });
  try {
    await uploadedIds(server);
    const before = await memoryUsed();
    const ids = await uploadRegisterCopies(server, 4);
    expect(await uploadedIds(server), 'all four listed').toHaveLength(4);
    // Each copy is ~13 MB ingested (heap and outside it): four held would be ~51 MB.
    const held = await settlesBelow(memoryUsed, before, 25e6, 'about one copy is held');
    // Every one still answers, read again from disk when it is not held, with the same figures.
    const totals: number[] = [];
    for (const id of [...ids, ...ids]) {
      const res = await fetch(`${server.url}/api/aggregate?dataset=${id}&by=recipient&recipient=Iran&from=1980&to=1988&measure=tiv`);
      expect(res.status, id).toBe(200);
      totals.push((await res.json()).rows[0].value);
    }
    expect(new Set(totals).size, `the same Iran total from every copy: ${totals.join(', ')}`).toBe(1);
    for (const id of ids) {
      const page = await fetch(`${server.url}/?ds=${id}&recipient=Iran&from=1982&to=1987`);
      expect(page.status, `the dashboard on ${id}`).toBe(200);
      expect(await page.text(), 'its summary').toContain('China supplied 45% of Iran’s imports');
    }
    expect(totals[0]).toBeGreaterThan(0);
    // Reading every copy again did not keep them all (~51 MB, and their indexes on top); the
    // answers, page models and the held copy's indexes now cached come on top of the one copy held
    // (36 MB in all here).
    const after = await settlesBelow(memoryUsed, before, 44e6, 'not all four held again');
    console.log(`held ${(held / 1e6).toFixed(0)} MB after four uploads, ${(after / 1e6).toFixed(0)} MB after reading each twice`);
  } finally {
    server.kill();
  }
});

test('a register changed or deleted on disk after it was listed is read as it is now, never half', async () => {
  test.skip(!!needsShared(REGISTER), needsShared(REGISTER) || '');
  const dataDir = mkdtempSync(join(tmpdir(), 'arms-changed-'));
  const bytes = readFileSync(resolve(__dirname, '..', '..', 'shared', 'data', 'sipri', REGISTER));
  writeFileSync(join(dataDir, 'a.csv'), bytes);
  writeFileSync(join(dataDir, 'b.csv'), Buffer.concat([bytes, Buffer.from('\n')]));
  // The listing is kept a minute, and there is room for one register in memory: a.csv is let go
  // when b.csv is shown, and read again from disk when shown next.
  const server = new ServerProcess(3108, { DATA_DIR: dataDir, DATA_SCAN_MS: '60000', DATASET_MEMORY_MB: '5' });
  await server.start();
  const iranTotal = async (id: string, recipient = 'Iran') => {
    const res = await fetch(`${server.url}/api/aggregate?dataset=${id}&by=recipient&recipient=${recipient}&from=1980&to=1988&measure=tiv`);
    return { status: res.status, body: await res.json() };
  };
  try {
    const before = await iranTotal('a');
    expect(before.status).toBe(200);
    expect((await iranTotal('b')).status).toBe(200);
    // a.csv changes on disk: China's deals with Iran gone. The listing still describes the old content.
    const text = bytes.toString('latin1');
    const lines = text.split('\n');
    writeFileSync(join(dataDir, 'a.csv'), Buffer.from(lines.filter((l) => !l.startsWith('Iran,China,')).join('\n'), 'latin1'));
    const page = await fetch(`${server.url}/?ds=a&recipient=Iran&from=1980&to=1988`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html, 'the page is made from the file as it is now, not from nothing').toContain('of Iran’s imports');
    expect(html, 'China supplies Iran nothing in it now').not.toContain('China supplied');
    const after = await iranTotal('a');
    expect(after.status).toBe(200);
    expect(after.body.rows[0].value, 'Iran’s total without China’s deals').toBeLessThan(before.body.rows[0].value);
    expect(after.body.rows[0].value).toBeGreaterThan(0);
    // Deleted (and let go: b.csv shown with a new question): a new question about a.csv finds it
    // gone and says the dataset is unknown, instead of answering from nothing.
    expect((await iranTotal('b', 'Iraq')).status).toBe(200);
    unlinkSync(join(dataDir, 'a.csv'));
    const gone = await iranTotal('a', 'Iraq');
    expect(gone.status, 'a deleted file is an unknown dataset').toBe(404);
    expect(gone.body.detail).toContain('no dataset "a"');
  } finally {
    server.kill();
  }
});

test('stored uploads are limited in all (UPLOAD_TOTAL_MB): past it an upload is refused with 507 and why; deleting makes room', async ({
  page,
}) => {
  // Room for three and a half small registers.
  const size = Buffer.byteLength(smallRegister('quota 1'));
  const server = new ServerProcess(3119, {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'arms-quota-')),
    UPLOAD_TOTAL_MB: String((size * 3.5) / 1024 / 1024),
  });
  await server.start();
  try {
    const first = await upload(server, smallRegister('quota 1'));
    expect(first.status).toBe(201);
    for (const n of [2, 3]) expect((await upload(server, smallRegister(`quota ${n}`))).status).toBe(201);
    const full = await upload(server, smallRegister('quota 4'));
    expect(full.status, 'the fourth does not fit').toBe(507);
    expect(full.body.error).toBe('uploads full');
    expect(full.body.detail).toMatch(/stored uploads hold .* of the .* allowed \(UPLOAD_TOTAL_MB\).*delete an upload first/);
    expect(await uploadedIds(server), 'nothing of it is listed').toHaveLength(3);
    expect((await upload(server, smallRegister('quota 1'))).status, 'a file already stored is still answered').toBe(200);
    const listing = await (await fetch(`${server.url}/api/datasets`, { headers: CLIENT })).json();
    expect(listing.uploads.storedBytes, 'the API says what is held').toBe(3 * size);
    // The page says so too, and refuses a file that would not fit before sending it.
    await page.goto(`${server.url}/`);
    await expect(page.getByTestId('upload-storage')).toContainText('Stored uploads:');
    let posted = false;
    page.on('request', (r) => {
      if (r.method() === 'POST') posted = true;
    });
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'fourth.csv', mimeType: 'text/csv', buffer: Buffer.from(smallRegister('quota 4')) });
    await expect(page.getByTestId('upload-error')).toContainText('delete an upload first');
    expect(posted, 'refused in the page, nothing sent').toBe(false);
    expect((await fetch(`${server.url}/api/datasets/${first.body.id}`, { method: 'DELETE', headers: CLIENT })).status).toBe(200);
    expect((await upload(server, smallRegister('quota 4'))).status, 'after a deletion it fits').toBe(201);
  } finally {
    server.kill();
  }
});
