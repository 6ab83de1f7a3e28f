import { describe, expect, it } from 'vitest';
import { Engine } from '../../../utils/engine/engine';
import { testEngine } from './engine-fixture';

const LOCAL = Date.parse('2026-11-15T17:40:05.000Z');
// Procore's clock is 2.3456 s ahead of this laptop's.
const AHEAD = 2_345.6;
const dateAt = (local: number) => new Date(Math.floor((local + AHEAD) / 1000) * 1000).toUTCString();

describe("the engine's server clock", () => {
  it("learns the offset from a cycle's Date headers, applies it once stored, and narrows it further after a restart", async () => {
    const engine = await testEngine(() => LOCAL);
    // Answers 30 ms after their requests, stamped half-way, at different points of their second.
    for (const sent of [0, 380, 710, 1_090, 1_530]) engine.observeServerDate(dateAt(LOCAL + sent + 15), LOCAL + sent, LOCAL + sent + 30);
    expect(engine.clockOffsetMs).toBe(0);
    await engine.saveClockOffset();
    const first = engine.clockOffsetMs;
    expect(Math.abs(first - AHEAD)).toBeLessThan(300);

    // A new worker: it starts from what the last one stored and narrows it with its own answers.
    const next = await Engine.open(engine.db, undefined, () => LOCAL + 60_000);
    expect(next.clockOffsetMs).toBe(first);
    for (const sent of [60_130, 60_560, 60_940, 61_270, 61_820]) next.observeServerDate(dateAt(LOCAL + sent + 15), LOCAL + sent, LOCAL + sent + 30);
    await next.saveClockOffset();
    expect(Math.abs(next.clockOffsetMs - AHEAD)).toBeLessThan(Math.abs(first - AHEAD));
    expect(Math.abs(next.clockOffsetMs - AHEAD)).toBeLessThan(120);
  });

  it('keeps the offset it had when a cycle brought no readable Date header', async () => {
    const engine = await testEngine(() => LOCAL);
    engine.observeServerDate(dateAt(LOCAL), LOCAL, LOCAL + 30);
    await engine.saveClockOffset();
    const learnt = engine.clockOffsetMs;
    engine.observeServerDate('yesterday', LOCAL + 5_000, LOCAL + 5_030);
    await engine.saveClockOffset();
    expect(engine.clockOffsetMs).toBe(learnt);
    expect((await Engine.open(engine.db)).clockOffsetMs).toBe(learnt);
  });
});
