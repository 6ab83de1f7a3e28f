import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// `npm run demo` without a display: the sandbox, the built extension in headless Chromium, a
// live table, screenshots, and Ctrl-C stopping everything it started.

let child: ChildProcess | null = null;
let outDir = '';

function runDemo(args: string[]): { output: () => string; exited: Promise<number | string | null> } {
  let output = '';
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  // One process (node with tsx's loader), so the signal reaches the demo itself.
  child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--port', '0', '--out', outDir, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child!.on('exit', (code, signal) => resolve(code ?? signal)));
  return { output: () => output, exited };
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the demo, headless', () => {
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    child = null;
    rmSync(outDir, { recursive: true, force: true });
  });

  it('prints what the extension tracks and saves the three screenshots', async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'esw-demo-'));
    const demo = runDemo(['--seconds', '8', '--every', '3']);
    const code = await demo.exited;
    const output = demo.output();
    // The output goes with the exit code, so a failure shows what the demo said.
    expect({ code, output }).toEqual({ code: 0, output: expect.any(String) });
    expect(output).toMatch(/Procore sandbox: http:\/\/127\.0\.0\.1:\d+/);
    // Each printing is the table, or the extension's error in its place.
    expect((output.match(/payment records tracked|watches\.list failed/g) ?? []).length).toBeGreaterThanOrEqual(2);
    for (const file of ['payments.png', 'erp-integrations.png', 'popup.png']) {
      const png = readFileSync(path.join(outDir, file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(10_000);
    }
  });

  it('stops the browser and the sandbox on Ctrl-C', async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'esw-demo-'));
    const demo = runDemo(['--seconds', '120', '--every', '2']);
    await until(() => /payment records tracked|watches\.list failed/.test(demo.output()), 60_000);
    const origin = /Procore sandbox: (http:\/\/127\.0\.0\.1:\d+)/.exec(demo.output())![1]!;
    expect((await fetch(`${origin}/login`)).ok).toBe(true);
    child!.kill('SIGINT');
    expect(await demo.exited).toBe(130);
    await expect(fetch(`${origin}/login`)).rejects.toThrow();
  });
});
