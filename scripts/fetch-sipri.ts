// npm run fetch-sipri -- FROM TO: fetch SIPRI's deliveries of those years from its data service and
// store them into DATA_DIR exactly as the dashboard's "Get SIPRI's data" does, without a server.
// Prints the ingest report; exits 1 with the cause when nothing was stored.
import { parseYearsRequest } from '../lib/sipri/service';
import { fetchSipri, sipriApiUrl } from '../lib/server/sipri-fetch';
import { uploadsDir } from '../lib/server/data-dirs';

async function main() {
  const [from, to] = process.argv.slice(2);
  const years = parseYearsRequest({ from, to }, new Date().getUTCFullYear() - 1);
  if (!years.ok) {
    console.error(`fetch-sipri: ${years.detail} (usage: npm run fetch-sipri -- 1950 2025)`);
    process.exit(2);
  }
  console.log(`asking ${sipriApiUrl()} for deliveries ${years.from}–${years.to}…`);
  // Whoever runs the server's own command is its operator: what it stores is listed for everyone.
  const result = await fetchSipri(years.from, years.to, { prime: false, owner: { keys: [], publish: true } });
  if (!result.ok) {
    console.error(`fetch-sipri: ${result.status} ${result.error}: ${result.detail}`);
    process.exit(1);
  }
  const { answer } = result;
  console.log(`${answer.existing ? 'already stored' : 'stored'}: ${answer.name} as ${answer.id} in ${uploadsDir()}`);
  console.log(JSON.stringify(answer.report, null, 2));
}

void main();
