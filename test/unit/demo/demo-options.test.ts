import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseDemoOptions } from '../../../scripts/demo/demo-options';

describe('the demo\'s options', () => {
  it('runs headless for 60 s without a display, headed with one', () => {
    expect(parseDemoOptions([], {})).toMatchObject({ headless: true, seconds: 60, port: DEFAULT_PORT, outDir: path.resolve('.output/demo') });
    expect(parseDemoOptions([], { DISPLAY: ':0' }).headless).toBe(false);
    expect(parseDemoOptions([], { WAYLAND_DISPLAY: 'wayland-0' }).headless).toBe(false);
    expect(parseDemoOptions(['--headless', '--seconds', '15'], { DISPLAY: ':0' })).toMatchObject({ headless: true, seconds: 15 });
    expect(parseDemoOptions(['--port', '0'], {}).port).toBe(0);
  });

  it('refuses what it cannot do, in words', () => {
    expect(() => parseDemoOptions(['--headed'], {})).toThrow(/needs a display/);
    expect(() => parseDemoOptions(['--seconds', '0'], {})).toThrow(/--seconds must be a positive whole number/);
    expect(() => parseDemoOptions(['--port', 'abc'], {})).toThrow(/--port/);
    expect(() => parseDemoOptions(['--headed', '--headless'], { DISPLAY: ':0' })).toThrow(/Choose one/);
  });
});
