import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smallRegister } from './fixtures';
import { ServerProcess } from './server-process';
import { SipriStandIn, wrapAsAnswer } from './sipri-stand-in';

/**
 * Who may see and change what (#25): every route that reads or writes datasets, asked by an
 * anonymous client, an upload's owner, another visitor and the admin, on a server that takes
 * uploads and on a read-only one over the same data directory.
 */
test.describe.configure({ mode: 'serial' });

const ADMIN_TOKEN = 'access-spec-admin-token-4b8e1d6f9a2c';
const standIn = new SipriStandIn();
let dataDir = '';
let open: ServerProcess;
let readOnly: ServerProcess;

type Actor = 'anonymous' | 'owner' | 'other' | 'admin';
const ACTORS: Actor[] = ['anonymous', 'owner', 'other', 'admin'];
/** Each actor's credentials; the owner's and the other's are the tokens their uploads answered. */
const auth: Record<Actor, Record<string, string>> = {
  anonymous: {},
  owner: {},
  other: {},
  admin: { authorization: `Bearer ${ADMIN_TOKEN}` },
};
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
let mine = { id: '', name: 'owners-private-register.csv' };
let theirs = { id: '', name: 'other-visitors-register.csv' };

async function upload(server: ServerProcess, text: string, name: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/datasets?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...headers },
    body: text,
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

async function listedIds(server: ServerProcess, actor: Actor): Promise<string[]> {
  const res = await fetch(`${server.url}/api/datasets`, { headers: auth[actor] });
  expect(res.status).toBe(200);
  return (await res.json()).datasets.map((d: { id: string }) => d.id);
}

test.beforeAll(async () => {
  await standIn.start();
  // A delivery-level export, as SIPRI's service answers: the bundled extract is one.
  standIn.answer = {
    kind: 'json',
    body: wrapAsAnswer(readFileSync(join(__dirname, '..', 'data', 'sipri-iran-iraq-deliveries-1950-1989.csv'))),
  };
  dataDir = mkdtempSync(join(tmpdir(), 'arms-access-'));
  const env = { DATA_DIR: dataDir, ADMIN_TOKEN, SIPRI_API_URL: standIn.url, SIPRI_API_TIMEOUT_S: '2', DATA_SCAN_MS: '0' };
  open = new ServerProcess(3127, env);
  readOnly = new ServerProcess(3129, { ...env, UPLOADS: 'off' });
  await Promise.all([open.start(), readOnly.start()]);
  const a = await upload(open, smallRegister(`owner ${Date.now()}`), mine.name);
  const b = await upload(open, smallRegister(`other ${Date.now()}`), theirs.name);
  expect([a.status, b.status]).toEqual([201, 201]);
  mine = { ...mine, id: a.body.id };
  theirs = { ...theirs, id: b.body.id };
  auth.owner = bearer(a.body.token);
  auth.other = bearer(b.body.token);
});

test.afterAll(async () => {
  open?.kill();
  readOnly?.kill();
  await standIn.stop();
});

test('an upload answers a random id, its own token and link, private; the token is not the cookie', async () => {
  const res = await upload(open, smallRegister(`answer ${Date.now()}`), 'answer.csv');
  expect(res.status).toBe(201);
  expect(res.body.id).toMatch(/^u-[0-9a-f]{32}$/);
  expect(res.body.token).toMatch(/^[0-9a-f]{64}$/);
  expect(res.body).toMatchObject({ published: false, link: `/?ds=${res.body.id}` });
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/^arms_owner=[0-9a-f]{64}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict/);
  expect(cookie, 'the body never carries the cookie’s secret').not.toContain(res.body.token);
  const meta = readdirSync(join(dataDir, 'uploads')).filter((f) => f === `${res.body.id}.json`);
  expect(meta, 'stored under its random id').toHaveLength(1);
  const stored = JSON.parse(readFileSync(join(dataDir, 'uploads', meta[0]), 'utf8'));
  expect(JSON.stringify(stored), 'the metadata keeps hashes, not the token').not.toContain(res.body.token);
  expect(stored.owners).toContain(createHash('sha256').update(res.body.token).digest('hex'));
});

for (const [mode, server] of [
  ['default', () => open],
  ['UPLOADS=off', () => readOnly],
] as const) {
  test(`${mode}: each client's listing holds its own uploads and no one else's (the admin sees all)`, async () => {
    const expected: Record<Actor, [boolean, boolean]> = {
      anonymous: [false, false],
      owner: [true, false],
      other: [false, true],
      admin: [true, true],
    };
    for (const actor of ACTORS) {
      const ids = await listedIds(server(), actor);
      expect(ids, `${actor}: the bundled data`).toContain('sipri-iran-iraq-deliveries-1950-1989');
      expect(ids.includes(mine.id), `${actor} sees the owner's upload`).toBe(expected[actor][0]);
      expect(ids.includes(theirs.id), `${actor} sees the other's upload`).toBe(expected[actor][1]);
    }
  });

  test(`${mode}: anyone with the link opens a private upload, on every data route and page`, async () => {
    const routes = [
      `/api/aggregate?dataset=${mine.id}&by=supplier`,
      `/api/deals?dataset=${mine.id}`,
      `/api/bundle?dataset=${mine.id}&by=year`,
      `/api/sides?ds=${mine.id}`,
      `/api/reconcile?a=${mine.id}&b=nk-iran-sipri-register-1982-1987&supplier=North%20Korea&recipient=Iran`,
      `/?ds=${mine.id}`,
      `/compare?ds=${mine.id}`,
      `/reconcile?a=${mine.id}&b=nk-iran-sipri-register-1982-1987`,
      `/api/rankings?dataset=${mine.id}&side=importers`,
      `/rankings?ds=${mine.id}`,
      `/map?ds=${mine.id}`,
    ];
    for (const actor of ACTORS)
      for (const route of routes) {
        const res = await fetch(`${server().url}${route}`, { headers: auth[actor] });
        expect(res.status, `${actor} ${route}`).toBe(200);
      }
    const page = await (await fetch(`${server().url}/?ds=${mine.id}`)).text();
    // React separates the text's parts with comments in the HTML.
    expect(page.replaceAll('<!-- -->', ''), 'the dashboard shows it to an anonymous reader of the link').toContain(`Data: ${mine.name}`);
  });

  test(`${mode}: private uploads appear in no one else's pages, pickers or error messages`, async () => {
    for (const actor of ['anonymous', 'other'] as const) {
      for (const route of ['/', '/compare', '/reconcile', '/rankings', '/map', '/admin']) {
        const html = await (await fetch(`${server().url}${route}`, { headers: auth[actor] })).text();
        expect(html.includes(mine.id) || html.includes(mine.name), `${actor} ${route}`).toBe(false);
      }
      const unknown = await fetch(`${server().url}/api/aggregate?dataset=u-${'0'.repeat(32)}&by=supplier`, { headers: auth[actor] });
      expect(unknown.status).toBe(404);
      const text = await unknown.text();
      expect(text, `${actor}: the 404 lists only what it may know of`).not.toContain(mine.id);
      expect(text).toContain('sipri-iran-iraq-deliveries-1950-1989');
    }
    const ownersPage = await (await fetch(`${server().url}/`, { headers: auth.owner })).text();
    expect(ownersPage, 'the owner’s picker lists it, marked private').toContain(`${mine.name} (private)`);
  });
}

test('UPLOADS=off: uploads, fetches, deletions and publishing answer 403 for everyone, the admin included', async () => {
  for (const actor of ACTORS) {
    const writes = [
      ['upload', `/api/datasets`, 'POST', smallRegister('read-only')],
      ['fetch', `/api/datasets/sipri`, 'POST', JSON.stringify({ from: 2000, to: 2001 })],
      ['delete', `/api/datasets/${mine.id}`, 'DELETE', undefined],
      ['publish', `/api/datasets/${mine.id}/publish`, 'POST', undefined],
      ['unpublish', `/api/datasets/${mine.id}/unpublish`, 'POST', undefined],
    ] as const;
    for (const [what, path, method, body] of writes) {
      const res = await fetch(`${readOnly.url}${path}`, { method, headers: auth[actor], body });
      expect(res.status, `${actor} ${what}`).toBe(403);
      expect((await res.json()).detail, `${actor} ${what}`).toContain('this server is read-only');
    }
  }
  expect(await listedIds(open, 'owner'), 'nothing was deleted').toContain(mine.id);
});

test('default: everyone may upload and fetch; what the admin fetches is published, others’ stay private', async () => {
  for (const actor of ACTORS) {
    const up = await upload(open, smallRegister(`upload by ${actor} ${Date.now()}`), `by-${actor}.csv`, auth[actor]);
    expect(up.status, `${actor} upload`).toBe(201);
    expect(up.body.published, `${actor} upload`).toBe(false);
    const fetched = await fetch(`${open.url}/api/datasets/sipri`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth[actor] },
      body: JSON.stringify({ from: 2000, to: 2001 }),
    });
    const body = await fetched.json();
    expect([200, 201], `${actor} fetch: ${body.detail}`).toContain(fetched.status);
    expect(body.published, `${actor} fetch`).toBe(actor === 'admin');
    if (actor === 'admin') expect(await listedIds(open, 'anonymous'), 'the admin’s fetch is listed for all').toContain(body.id);
    else expect(await listedIds(open, 'anonymous'), `${actor}'s fetch is not listed for others`).not.toContain(body.id);
  }
});

test('default: the same file again is the same upload for its owner, a new one for someone else', async () => {
  const text = smallRegister(`twice ${Date.now()}`);
  const first = await upload(open, text, 'twice.csv', auth.owner);
  const again = await upload(open, text, 'twice.csv', auth.owner);
  expect([first.status, again.status]).toEqual([201, 200]);
  expect(again.body.id).toBe(first.body.id);
  expect(again.body.token, 'a token of its own, which owns it too').not.toBe(first.body.token);
  expect(await listedIds(open, 'owner')).toContain(first.body.id);
  const elsewhere = await upload(open, text, 'twice.csv', auth.other);
  expect(elsewhere.status).toBe(201);
  expect(elsewhere.body.id, 'another visitor gets their own upload, not a view of the owner’s').not.toBe(first.body.id);
  const byNewToken = await fetch(`${open.url}/api/datasets`, { headers: bearer(again.body.token) });
  expect((await byNewToken.json()).datasets.map((d: { id: string }) => d.id)).toContain(first.body.id);
});

test('default: deleting takes the owner or the admin (401 without a token, 403 with another)', async () => {
  const victim = await upload(open, smallRegister(`to delete ${Date.now()}`), 'to-delete.csv', auth.owner);
  const expected: Record<Actor, number> = { anonymous: 401, other: 403, owner: 200, admin: 404 };
  for (const actor of ['anonymous', 'other', 'owner', 'admin'] as const) {
    const res = await fetch(`${open.url}/api/datasets/${victim.body.id}`, { method: 'DELETE', headers: auth[actor] });
    expect(res.status, `${actor}: ${(await res.clone().json()).detail}`).toBe(expected[actor]);
  }
  const another = await upload(open, smallRegister(`admin deletes ${Date.now()}`), 'admin-deletes.csv', auth.other);
  expect((await fetch(`${open.url}/api/datasets/${another.body.id}`, { method: 'DELETE', headers: auth.admin })).status).toBe(200);
  expect(await listedIds(open, 'other')).not.toContain(another.body.id);
  const wrongScheme = await fetch(`${open.url}/api/datasets/${mine.id}`, { method: 'DELETE', headers: { authorization: 'Basic x' } });
  expect(wrongScheme.status, 'a malformed Authorization header is named, not taken as anonymous').toBe(400);
  expect((await wrongScheme.json()).param).toBe('Authorization');
});

test('default: publishing is the admin’s; published, an upload is listed for all, unpublished for its owner again', async () => {
  const expected: Record<Actor, number> = { anonymous: 401, owner: 403, other: 403, admin: 200 };
  for (const actor of ACTORS) {
    const res = await fetch(`${open.url}/api/datasets/${mine.id}/publish`, { method: 'POST', headers: auth[actor] });
    expect(res.status, actor).toBe(expected[actor]);
  }
  expect(await listedIds(open, 'anonymous')).toContain(mine.id);
  expect(await listedIds(open, 'other')).toContain(mine.id);
  expect((await fetch(`${open.url}/api/datasets/${mine.id}/unpublish`, { method: 'POST', headers: auth.admin })).status).toBe(200);
  expect(await listedIds(open, 'anonymous')).not.toContain(mine.id);
  expect(await listedIds(open, 'owner')).toContain(mine.id);
  const unknown = await fetch(`${open.url}/api/datasets/u-${'1'.repeat(32)}/publish`, { method: 'POST', headers: auth.admin });
  expect(unknown.status).toBe(404);
});

test('the admin signs in with a form: a wrong token is refused, the right one sets a cookie that lists everything', async ({ page }) => {
  for (const body of ['null', '"a string"', '{"token": 3}', 'not json']) {
    const odd = await fetch(`${open.url}/api/admin/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(odd.status, `sign-in body ${body}`).toBe(400);
    expect((await odd.json()).detail).toContain('send the admin token as the field "token"');
  }
  await page.goto(`${open.url}/admin`);
  await page.getByLabel('Admin token').fill('not the token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('admin-problem')).toHaveText('That is not the admin token.');
  await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const row = page.locator(`[data-testid="admin-uploads"] tr[data-id="${mine.id}"]`);
  await expect(row).toContainText(mine.name);
  await expect(row).toContainText('its owners');
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'arms_admin');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Strict');
  expect(session?.value, 'the cookie is not the token').not.toContain(ADMIN_TOKEN);
  await row.getByRole('button', { name: 'Publish' }).click();
  await expect(row).toContainText('everyone');
  expect(await listedIds(open, 'anonymous')).toContain(mine.id);
  await row.getByRole('button', { name: 'Unpublish' }).click();
  await expect(row).toContainText('its owners');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByTestId('admin-signin')).toBeVisible();
});

test('a browser’s upload is not listed in a second browser, which opens it from the shared link', async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const page = await first.newPage();
    await page.goto(`${open.url}/`);
    const name = `browser-upload-${Date.now()}.csv`;
    await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(smallRegister(name)) });
    await expect(page).toHaveURL(/ds=u-[0-9a-f]{32}/);
    const share = page.getByTestId('upload-share');
    await expect(share).toContainText('Private: listed only in this browser');
    const link = await page.getByTestId('upload-link').inputValue();
    expect(link).toBe(`${open.url}${new URL(page.url()).pathname}?ds=${new URL(page.url()).searchParams.get('ds')}`);
    const id = new URL(link).searchParams.get('ds')!;
    // Back on the dashboard without it, the first browser's picker still lists it.
    await page.goto(`${open.url}/`);
    await page.getByTestId('pick-datasets').locator('summary').click();
    await expect(page.getByTestId('pick-datasets')).toContainText(`${name} (private)`);
    const other = await second.newPage();
    await other.goto(`${open.url}/`);
    await other.locator('.arms-sankey').first().waitFor();
    expect(await other.content(), 'the second browser’s page names it nowhere').not.toContain(id);
    await other.getByTestId('pick-datasets').locator('summary').click();
    await expect(other.getByTestId('pick-datasets')).toContainText('SIPRI: deliveries to Iran and Iraq');
    await expect(other.getByTestId('pick-datasets')).not.toContainText(name);
    await other.goto(link);
    await expect(other.getByText(`Data: ${name}`)).toBeVisible();
    expect((await second.request.delete(`${open.url}/api/datasets/${id}`)).status(), 'the link does not let it delete').toBe(401);
    expect((await first.request.delete(`${open.url}/api/datasets/${id}`)).status(), 'its own browser may').toBe(200);
  } finally {
    await first.close();
    await second.close();
  }
});

test('past UPLOAD_RATE_PER_MIN an address gets 429 with Retry-After; another address, and the admin, are counted apart', async () => {
  const limited = new ServerProcess(3128, { DATA_DIR: mkdtempSync(join(tmpdir(), 'arms-rate-')), ADMIN_TOKEN, UPLOAD_RATE_PER_MIN: '2' });
  await limited.start();
  try {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await upload(limited, smallRegister(`rate ${i} ${Date.now()}`), 'rate.csv')).status);
    expect(statuses).toEqual([201, 201, 429]);
    const refused = await fetch(`${limited.url}/api/datasets/sipri`, { method: 'POST', body: '{"from": 2000, "to": 2001}' });
    expect(refused.status, 'a SIPRI fetch counts too').toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).detail).toMatch(/at most 2 uploads and SIPRI fetches a minute from one address/);
    const elsewhere = await upload(limited, smallRegister(`rate elsewhere ${Date.now()}`), 'rate.csv', {
      'x-forwarded-for': '203.0.113.9',
    });
    expect(elsewhere.status, 'another address has its own count').toBe(201);
    const admin = await upload(limited, smallRegister(`rate admin ${Date.now()}`), 'rate.csv', auth.admin);
    expect(admin.status, 'the admin is not limited').toBe(201);
  } finally {
    limited.kill();
  }
});

test('an upgrade keeps every upload the previous version stored: listed for all, intact, deletable by the admin only', async () => {
  const legacyDir = mkdtempSync(join(tmpdir(), 'arms-upgrade-'));
  mkdirSync(join(legacyDir, 'uploads'));
  // What the previous version wrote: an id from the content's hash, and metadata without owners.
  const texts = [smallRegister('stored before 1'), smallRegister('stored before 2')];
  const ids = texts.map((text) => {
    const sha256 = createHash('sha256').update(text).digest('hex');
    const id = `u-${sha256.slice(0, 16)}`;
    writeFileSync(join(legacyDir, 'uploads', `${id}.csv`), text);
    const meta = { id, name: `${id}.csv`, size: Buffer.byteLength(text), sha256, uploadedAt: '2026-12-01T00:00:00.000Z' };
    writeFileSync(join(legacyDir, 'uploads', `${id}.json`), JSON.stringify(meta, null, 2));
    return id;
  });
  const upgraded = new ServerProcess(3130, { DATA_DIR: legacyDir, ADMIN_TOKEN, DATA_SCAN_MS: '0' });
  await upgraded.start();
  try {
    const listing = await (await fetch(`${upgraded.url}/api/datasets`)).json();
    const old = listing.datasets.filter((d: { id: string }) => ids.includes(d.id));
    expect(old.map((d: { id: string }) => d.id).sort()).toEqual([...ids].sort());
    for (const d of old) expect(d.access).toEqual({ published: true, yours: false });
    expect(listing.corrupt, 'none taken for damaged').toEqual([]);
    const deals = await fetch(`${upgraded.url}/api/deals?dataset=${ids[0]}`);
    expect(deals.status).toBe(200);
    expect((await deals.json()).deals[0].comments).toBe('stored before 1');
    expect((await fetch(`${upgraded.url}/api/datasets/${ids[0]}`, { method: 'DELETE' })).status).toBe(401);
    expect((await fetch(`${upgraded.url}/api/datasets/${ids[0]}`, { method: 'DELETE', headers: bearer('someone') })).status).toBe(403);
    expect((await fetch(`${upgraded.url}/api/datasets/${ids[0]}`, { method: 'DELETE', headers: auth.admin })).status).toBe(200);
    // A file changed on disk under an old id is still caught.
    writeFileSync(join(legacyDir, 'uploads', `${ids[1]}.csv`), smallRegister('tampered'));
    const after = await (await fetch(`${upgraded.url}/api/datasets`)).json();
    expect(after.corrupt.map((c: { id: string }) => c.id)).toEqual([ids[1]]);
  } finally {
    upgraded.kill();
  }
});
