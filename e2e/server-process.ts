import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

/** A production server of our own (not Playwright's), so that a test may kill it and start it again. */
export class ServerProcess {
  private child: ChildProcess | null = null;
  constructor(
    readonly port: number,
    readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, [resolve(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(this.port)], {
      cwd: ROOT,
      // Tests upload many files a minute from one address: no rate limit unless a test sets one.
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', UPLOAD_RATE_PER_MIN: '0', ...this.env },
      stdio: 'ignore',
      detached: true,
    });
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      try {
        if ((await fetch(`${this.url}/api/datasets`)).ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`server on port ${this.port} did not start`);
  }

  /** SIGKILL the whole process group: no clean-up code of the server runs. */
  kill(): void {
    if (this.child?.pid) {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    this.child = null;
  }
}
