#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const out = join(__dirname, '..', 'out', 'main');
if (!existsSync(join(out, 'cli.js')) || !existsSync(join(out, 'launch.js'))) {
  console.error('wxtoken is not built yet: run `npm run build` in the wxtoken folder first.');
  process.exit(1);
}
require(join(out, 'launch.js')).launch(process.argv.slice(2));
