// Runs the CLI from source, as bin/wxtoken.cjs runs the built one.
import { main } from '../../src/main/cli/main';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
