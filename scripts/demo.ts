// `npm run demo`: the extension against the local Procore sandbox (see scripts/demo/run-demo.ts).
import { parseDemoOptions } from './demo/demo-options';
import { runDemo } from './demo/run-demo';

try {
  await runDemo(parseDemoOptions(process.argv.slice(2), process.env));
  process.exit(0);
} catch (error) {
  console.error(`The demo stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
