/**
 * A local stand-in for SIPRI's data service (nothing in tests leaves the machine): it answers the
 * POSTs SIPRI's site makes with the recorded answer, with a delivery-level file of ../shared wrapped
 * the same way (`{"bytes": base64}`, gzip-encoded as SIPRI sends it), or with one of the failures a
 * client must explain. It keeps the bodies it was sent, to check what the client asked for.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';

export type StandInAnswer =
  | { kind: 'json'; body: Buffer } // 200, the body as given (gzip-encoded)
  | { kind: 'gzipped'; body: Buffer } // 200, a body gzip-encoded beforehand (the benchmark's: no compression timed)
  | { kind: 'status'; status: number }
  | { kind: 'raw'; body: string } // 200 with this text
  | { kind: 'hang' } // never answers
  | { kind: 'drop' } // closes the connection without an answer
  | { kind: 'slow'; body: Buffer; chunks: number; delayMs: number }; // the body in pieces, slowly

/** The service's answer body holding these bytes. */
export function wrapAsAnswer(bytes: Buffer): Buffer {
  return Buffer.from(JSON.stringify({ bytes: bytes.toString('base64') }));
}

export class SipriStandIn {
  private server: Server | null = null;
  answer: StandInAnswer = { kind: 'status', status: 503 };
  readonly requests: { method: string; contentType: string | undefined; body: string }[] = [];

  get url(): string {
    const address = this.server?.address();
    if (!address || typeof address === 'string') throw new Error('stand-in not started');
    return `http://127.0.0.1:${address.port}/api/p/trades/trade-register-csv/`;
  }

  async start(port = 0): Promise<void> {
    this.server = createServer(async (req, res) => {
      const parts: Buffer[] = [];
      for await (const chunk of req) parts.push(chunk as Buffer);
      this.requests.push({
        method: req.method ?? '',
        contentType: req.headers['content-type'],
        body: Buffer.concat(parts).toString('utf8'),
      });
      const answer = this.answer;
      if (answer.kind === 'hang') return; // the client's timeout must end it
      if (answer.kind === 'drop') return void req.socket.destroy();
      if (answer.kind === 'status') {
        res.writeHead(answer.status, { 'Content-Type': 'text/html' }).end(`<h1>${answer.status}</h1>`);
        return;
      }
      if (answer.kind === 'raw') {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(answer.body);
        return;
      }
      const body = answer.kind === 'gzipped' ? answer.body : gzipSync(answer.body);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      if (answer.kind !== 'slow') {
        res.end(body);
        return;
      }
      const size = Math.ceil(body.length / answer.chunks);
      for (let at = 0; at < body.length; at += size) {
        res.write(body.subarray(at, at + size));
        await new Promise((r) => setTimeout(r, answer.delayMs));
      }
      res.end();
    });
    this.server.listen(port, '127.0.0.1');
    await once(this.server, 'listening');
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    this.server.close();
    this.server = null;
  }
}
