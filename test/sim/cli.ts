import { parseArgs } from 'node:util';
import { isScenarioName } from './scenarios';
import { startSim } from './server';

// `npm run sim -- --port N --scenario NAME --seed S --window-ms MS --variant N --erp-tab html|grid --grid-layout current|legacy`
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    scenario: { type: 'string', default: 'demo' },
    seed: { type: 'string', default: '1' },
    'window-ms': { type: 'string', default: '600000' },
    'grid-layout': { type: 'string', default: 'current' },
    variant: { type: 'string' },
    'erp-tab': { type: 'string', default: 'html' },
  },
});

function int(name: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) {
    console.error(`--${name} must be an integer >= ${min} (got "${raw}")`);
    process.exit(2);
  }
  return n;
}

const scenario = values.scenario;
if (!isScenarioName(scenario)) {
  console.error(`--scenario must be one of demo, scale, basic, empty (got "${scenario}")`);
  process.exit(2);
}
const gridLayout = values['grid-layout'];
if (gridLayout !== 'current' && gridLayout !== 'legacy') {
  console.error('--grid-layout must be current or legacy');
  process.exit(2);
}

const erpTab = values['erp-tab'];
if (erpTab !== 'html' && erpTab !== 'grid') {
  console.error('--erp-tab must be html or grid');
  process.exit(2);
}

const started = Date.now();
const sim = await startSim({
  port: int('port', values.port, 0),
  host: values.host,
  scenario,
  seed: int('seed', values.seed, 0),
  windowMs: int('window-ms', values['window-ms'], 1),
  gridLayout,
  variant: values.variant === undefined ? undefined : int('variant', values.variant, 0),
  erpTab,
});
const user = sim.store.state.users[0];
const companyId = user?.companyIds[0];
console.log(`Procore sandbox (${scenario}, seed ${sim.options.seed}, window ${sim.options.windowMs} ms) ready in ${Date.now() - started} ms`);
console.log(`  origin:   ${sim.origin}  (US02 zone: ${sim.zones.us02})`);
if (user && companyId !== undefined) {
  console.log(`  sign in:  ${sim.origin}/login  as ${user.login} / password "sandbox"`);
  console.log(`  payments: ${sim.origin}/${companyId}/company/payments/disbursements`);
}
console.log(`  controls: ${sim.origin}/__sim/state  (Ctrl-C stops)`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
