// Playwright cannot download its own browser here: the tests use Debian's Chromium.
// When it is missing, install it with apt-get if we are root, else say how, in one line.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    console.log(`${CHROMIUM} is missing: installing Debian's chromium with apt-get…`);
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null', { stdio: 'inherit' });
  } else {
    console.error(
      `Chromium is missing: run "sudo apt-get update && sudo apt-get install -y chromium" (or set CHROMIUM_PATH), then run the tests again.`,
    );
    process.exit(1);
  }
}
