/**
 * Token engine benchmark: cache-hit getToken latency, and 1,000 concurrent requests at expiry (upstream
 * fetches must be exactly 1). Real parts: the simulator, the keychain, files. Run by hand with
 * `npm run bench`; CI runs it with `--smoke` (fewer iterations) and only checks that it holds.
 */
import { performance } from 'node:perf_hooks';
import { makeCoreEnv, until } from '../test/support/core-env';

const smoke = process.argv.includes('--smoke');
const HITS = smoke ? 2_000 : 50_000;
const CONCURRENT = 1_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const env = await makeCoreEnv({ expiresIn: 2 });
  try {
    await env.addAccount('bench', {}, 'classic');
    const api = env.core.api;

    const warm = await api.revealToken({ name: 'bench' });
    if (!warm.ok) throw new Error(warm.error.message.en);
    const samples: number[] = [];
    for (let i = 0; i < HITS && Date.now() < warm.value.expiresAt - 300; i++) {
      const t0 = performance.now();
      await api.revealToken({ name: 'bench' });
      samples.push((performance.now() - t0) * 1000);
    }
    samples.sort((a, b) => a - b);

    const second = await api.revealToken({ name: 'bench' });
    if (!second.ok) throw new Error(second.error.message.en);
    await until(second.value.expiresAt + 20);
    env.sim.resetCounts();
    const t0 = performance.now();
    const burst = await Promise.all(Array.from({ length: CONCURRENT }, () => api.revealToken({ name: 'bench' })));
    const burstMs = performance.now() - t0;
    const fetches = env.sim.count('/cgi-bin/token');
    const failures = burst.filter((r) => !r.ok).length;

    console.log(`token engine (${smoke ? 'smoke' : 'full'})`);
    console.log(`  cache hit getToken: n=${samples.length} p50=${percentile(samples, 50).toFixed(1)}µs p99=${percentile(samples, 99).toFixed(1)}µs`);
    console.log(`  ${CONCURRENT} concurrent at expiry: ${burstMs.toFixed(1)} ms, upstream fetches=${fetches}, failures=${failures}`);
    if (fetches !== 1 || failures !== 0) {
      console.error('FAIL: expected exactly one upstream fetch and no failures');
      process.exitCode = 1;
    }
  } finally {
    await env.close();
  }
}

void main();
