// The SIPRI fetch against an upload of the same export: both stored and listed, alternated round by
// round so that the machine's drift hits both alike. The stand-in's answers are compressed beforehand,
// so only our side of the exchange is timed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { wrapAsAnswer, type SipriStandIn } from '../../e2e/sipri-stand-in';
import { BENCH_CLIENT, median, SHARED, type BenchServer, type Row } from './util';

export const DELIVERIES = join(SHARED, 'deliveries-1950-1989-2024-04.csv');

async function listed(server: BenchServer, id: string): Promise<void> {
  const listing = await (await fetch(`${server.url}/api/datasets`, { headers: BENCH_CLIENT })).json();
  if (!listing.datasets.some((d: { id: string }) => d.id === id)) throw new Error(`${id} not listed`);
}

export async function benchSipriFetch(server: BenchServer, standIn: SipriStandIn, runs: number): Promise<Row[]> {
  const bytes = readFileSync(DELIVERIES);
  // Distinct contents (trailing blank lines), so that each is stored anew; the first of each untimed.
  const variant = (i: number, kind: number) => Buffer.concat([bytes, Buffer.from('\n'.repeat(2 * i + kind + 1))]);
  const answers = Array.from({ length: runs + 1 }, (_, i) => gzipSync(wrapAsAnswer(variant(i, 1))));
  const fetched: number[] = [];
  const uploaded: number[] = [];
  for (let i = 0; i <= runs; i++) {
    let t = performance.now();
    const up = await fetch(`${server.url}/api/datasets`, {
      method: 'POST',
      headers: { ...BENCH_CLIENT, 'content-type': 'text/csv' },
      body: variant(i, 0),
    });
    await listed(server, (await up.json()).id);
    if (i > 0) uploaded.push(performance.now() - t);
    standIn.answer = { kind: 'gzipped', body: answers[i] };
    t = performance.now();
    const res = await fetch(`${server.url}/api/datasets/sipri`, {
      method: 'POST',
      headers: { ...BENCH_CLIENT, 'content-type': 'application/json' },
      body: JSON.stringify({ from: 1950, to: 1989 }),
    });
    const body = await res.json();
    if (res.status !== 201) throw new Error(`SIPRI fetch answered ${res.status}: ${body.detail}`);
    await listed(server, body.id);
    if (i > 0) fetched.push(performance.now() - t);
  }
  const [up, fe] = [median(uploaded), median(fetched)];
  return [
    ['upload of the 1950–1989 delivery export until listed', up.toFixed(1), '—', 'baseline'],
    [
      'the same export fetched from a local stand-in of SIPRI’s service until listed',
      fe.toFixed(1),
      'upload',
      `${(fe / up).toFixed(2)}× (target ≤ 1.3×)`,
    ],
  ];
}
