// `npm run audit`: npm audit of the production dependencies. Fails CI on any high or critical
// advisory. When the registry's audit endpoint cannot be reached or refuses (an infrastructure
// fault, e.g. a mirror answering 405), it says "audit unavailable" and passes: no advisory was
// received, so none is hidden.
import { spawnSync } from 'node:child_process';
import { auditVerdict } from './audit-verdict';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (run.error) {
  console.error(`audit: could not run npm: ${run.error.message}`);
  process.exit(1);
}

const verdict = auditVerdict(run.stdout);
switch (verdict.kind) {
  case 'clean': {
    const { info, low, moderate } = verdict.counts;
    console.log(`audit: no high or critical advisories in production dependencies (moderate ${moderate}, low ${low}, info ${info}).`);
    break;
  }
  case 'advisories':
    console.error(`audit: ${verdict.counts.critical} critical and ${verdict.counts.high} high advisories in production dependencies:`);
    for (const name of verdict.packages) console.error(`  ${name}`);
    console.error('Run `npm audit --omit=dev` for details.');
    process.exit(1);
    break;
  case 'unavailable':
    console.warn(`audit unavailable: ${verdict.reason}`);
    break;
  case 'unreadable':
    console.error(`audit: ${verdict.reason}\n${run.stderr.trim()}`);
    process.exit(1);
}
