// Preloaded (`node --require`) by bench/cli-startup.ts: at exit, the files this process loaded, one per line,
// into the file BENCH_LOADED_OUT names.
'use strict';
process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_LOADED_OUT, Object.keys(require.cache).join('\n')));
