import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = path.resolve('node_modules/.bin/tsx');

describe('npm run sim', () => {
  it('starts on a free port with the flags given, prints the origin and the sign-in hint, and stops on Ctrl-C', async () => {
    const child = spawn(TSX, ['test/sim/cli.ts', '--port', '0', '--scenario', 'basic', '--seed', '4', '--window-ms', '30000', '--variant', '12', '--erp-tab', 'grid'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const origin = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no origin printed: ${out}`)), 15_000);
        child.stdout.on('data', () => {
          // The banner is complete once its last line ("controls:") is out.
          const m = /origin:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m && out.includes('controls:')) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited early (${code}): ${out}`)));
      });
      expect(out).toContain('ap@builder.com / password "sandbox"');
      const state = (await (await fetch(`${origin}/__sim/state`)).json()) as { scenario: string; seed: number; windowMs: number };
      expect(state).toMatchObject({ scenario: 'basic', seed: 4, windowMs: 30_000, variant: 12, erpTab: 'grid' });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it.each([
    [['--scenario', 'nope'], '--scenario must be one of'],
    [['--erp-tab', 'table'], '--erp-tab must be html or grid'],
  ])('refuses %j', async (args, message) => {
    const child = spawn(TSX, ['test/sim/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});
