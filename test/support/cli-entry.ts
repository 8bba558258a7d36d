// Runs the CLI from source, as bin/wxtoken.cjs runs the built one.
import { launch } from '../../src/main/cli/launch';

launch(process.argv.slice(2));
