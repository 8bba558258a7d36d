// Every Node process of a test run (vitest and its workers, each `wxtoken` run, the benchmarks, the build)
// shares one V8 code cache, so each compiles its modules once per checkout instead of once per process:
// hundreds of processes load the same files (measured: the integration tests took ~25 CPU-s and ~14 s less).
// A NODE_COMPILE_CACHE already set wins. The CLI keeps its own cache in the data folder otherwise.
import { join } from 'node:path';

export function shareCompileCache(root) {
  process.env.NODE_COMPILE_CACHE ??= join(root, 'node_modules', '.cache', 'node-compile-cache');
}
