/**
 * Another process asking for one account's JS-SDK ticket many times at once, at an agreed moment.
 * Prints `{"tickets":[…distinct tickets…],"failures":[…codes…]}` on stdout. Test-only.
 */
import { openCore } from '../../../src/main/core/core';

const { BURST_HOME, BURST_SERVICE, BURST_ACCOUNT, BURST_AT, BURST_COUNT } = process.env;

async function main() {
  const core = await openCore({ home: BURST_HOME!, keychainService: BURST_SERVICE! });
  const wait = Number(BURST_AT) - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const results = await Promise.all(Array.from({ length: Number(BURST_COUNT ?? 100) }, () => core.api.getTicket({ name: BURST_ACCOUNT! })));
  const tickets = new Set(results.flatMap((r) => (r.ok ? [r.value.ticket] : [])));
  const failures = results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code));
  process.stdout.write(JSON.stringify({ tickets: [...tickets], failures }));
  await core.close();
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(String(err?.stack ?? err));
    process.exit(1);
  },
);
