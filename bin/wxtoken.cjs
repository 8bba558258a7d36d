#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  console.error('wxtoken is not built yet: run `npm run build` in the wxtoken folder first.');
  process.exit(1);
}
require(cli).main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
