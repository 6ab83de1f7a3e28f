import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import type { Watch } from '../../../utils/domain/watch';
import type { EngineStatus } from '../../../utils/messaging';
import type { FaultSpec } from '../../sim/api/faults';
import type { Sim } from '../../sim/server';
import { ledger, simControl, startTestSim } from '../../sim/testing';
import type { PayoutSpec } from '../../sim/disbursement-spec';
import { configureExtension, openExtensionPage, sendFromExtensionPage } from '../configure';
import { until } from './until';
import { launchExtension, SANDBOX_EXTENSION_DIR, type LaunchedExtension } from '../launch';

export const COMPANY = '8089';

let privateCopy: string | null = null;

/**
 * This run's own copy of the sandbox build: other work on the machine may rebuild
 * `.output/chrome-mv3-sandbox` while a long fault test is loading it.
 */
export function faultBuildDir(): string {
  if (privateCopy) return privateCopy;
  if (!existsSync(path.join(SANDBOX_EXTENSION_DIR, 'manifest.json'))) throw new Error('No sandbox build: run `npm run build:sandbox` first.');
  const dir = mkdtempSync(path.join(tmpdir(), 'esw-fault-build-'));
  cpSync(SANDBOX_EXTENSION_DIR, dir, { recursive: true });
  privateCopy = dir;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface SimDisbursementJson {
  id: string;
  payouts: { id: string | number }[];
}

/** One browser (the built sandbox extension) pointed at one sim, with the calls fault tests share. */
export class FaultRun {
  /** The extension's current service worker (a new one after each restart). */
  worker: Worker;

  private constructor(
    readonly sim: Sim,
    readonly ext: LaunchedExtension,
    public page: Page,
    readonly windowMs: number,
  ) {
    this.worker = ext.worker;
    ext.context.on('serviceworker', (worker) => {
      if (new URL(worker.url()).host === ext.extensionId) this.worker = worker;
    });
  }

  static async start(options: { windowMs: number; profileDir?: string; sim?: Sim }): Promise<FaultRun> {
    const sim = options.sim ?? (await startTestSim({ windowMs: options.windowMs }));
    let ext: LaunchedExtension | null = null;
    try {
      ext = await launchExtension({ profileDir: options.profileDir, extensionDir: faultBuildDir() });
      await configureExtension(ext, { apiOrigin: sim.origin, windowMs: options.windowMs, companyIds: [COMPANY] });
      return new FaultRun(sim, ext, await openExtensionPage(ext), options.windowMs);
    } catch (error) {
      await ext?.close();
      if (!options.sim) await sim.close();
      throw error;
    }
  }

  /** The browser started again on a kept profile: nothing is configured again. */
  static async reopen(profileDir: string, sim: Sim, windowMs: number): Promise<FaultRun> {
    const ext = await launchExtension({ profileDir, extensionDir: faultBuildDir() });
    try {
      return new FaultRun(sim, ext, await openExtensionPage(ext), windowMs);
    } catch (error) {
      await ext.close({ keepProfile: true });
      throw error;
    }
  }

  /** Another browser profile on the same sim (a second accountant). */
  static async second(first: FaultRun): Promise<FaultRun> {
    return FaultRun.start({ windowMs: first.windowMs, sim: first.sim });
  }

  send<T>(name: Parameters<typeof sendFromExtensionPage>[1], payload: unknown): Promise<T> {
    return sendFromExtensionPage<T>(this.page, name, payload);
  }

  /** The raw envelope, for calls expected to fail. */
  envelope(name: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> {
    return this.page.evaluate(([n, p]) => chrome.runtime.sendMessage({ name: n, payload: p }) as Promise<{ ok: boolean; error?: string }>, [name, payload] as const);
  }

  status(): Promise<EngineStatus> {
    return this.send<EngineStatus>('status.get', {});
  }

  /** "Poll now", answering its envelope (a failed poll is an answer too). */
  pollNow(): Promise<{ ok: boolean; error?: string }> {
    return this.envelope('poll.now', {});
  }

  watchesOf(disbursementId: string): Promise<Watch[]> {
    return this.send<Watch[]>('watches.list', { disbursementId });
  }

  async fault(spec: FaultSpec): Promise<void> {
    await simControl(this.sim.origin, 'POST', '/faults', spec);
  }

  async clearFaults(): Promise<void> {
    await simControl(this.sim.origin, 'DELETE', '/faults');
  }

  /** A disbursement made for the test, funded now: its payouts start their window. */
  async fundedDisbursement(payouts: PayoutSpec[], extra: Record<string, unknown> = {}): Promise<{ id: string; payoutIds: string[] }> {
    const d = await simControl<SimDisbursementJson>(this.sim.origin, 'POST', '/disbursements', { status: 'authorized', payouts, ...extra });
    await simControl(this.sim.origin, 'POST', `/fund/${encodeURIComponent(d.id)}`);
    return { id: d.id, payoutIds: d.payouts.map((p) => String(p.id)) };
  }

  /** A record that failed to export with a duplicate check number (the ERP already printed `check`). */
  async failedRecord(name: string, check: number): Promise<{ id: string; payoutId: string }> {
    await simControl(this.sim.origin, 'POST', `/companies/${COMPANY}/erp/checks`, { bankId: 'OPER', checkNumber: check });
    const d = await this.fundedDisbursement([{ beneficiaryName: name, delayFraction: 0.1 }], { firstCheckNumber: check });
    await until(`${name} failed`, async () => {
      await this.pollNow();
      return (await this.watchesOf(d.id))[0]?.state === 'failed';
    }, 30_000, 500);
    return { id: d.id, payoutId: d.payoutIds[0]! };
  }

  /**
   * Waits until every record of a disbursement is in `state`, optionally polling now each time
   * (without: only the extension's own alarms move it). A timeout names the states last seen.
   */
  async untilState(disbursementId: string, state: Watch['state'], options: { timeoutMs: number; pollNow: boolean }): Promise<Watch[]> {
    let seen = '(nothing yet)';
    try {
      return await until(`records of ${disbursementId} ${state}`, async () => {
        if (options.pollNow) await this.pollNow();
        const watches = await this.watchesOf(disbursementId);
        const status = await this.status();
        seen = `${JSON.stringify(watches.map((w) => ({ state: w.state, request: w.request, attempts: w.attempts })))} status ${JSON.stringify(status.lastError)}`;
        return watches.length > 0 && watches.every((w) => w.state === state) ? watches : null;
      }, options.timeoutMs, 1_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}; last seen: ${seen}`);
    }
  }

  /** Reopens the extension page (after the worker was stopped or the browser restarted). */
  async reopenPage(): Promise<void> {
    await this.page.close().catch(() => undefined);
    this.page = await openExtensionPage(this.ext);
  }

  async close(options: { keepProfile?: boolean; keepSim?: boolean } = {}): Promise<void> {
    await this.ext.close({ keepProfile: options.keepProfile }).catch(() => undefined);
    if (!options.keepSim) await this.sim.close();
  }
}

/**
 * The ledger invariant every fault test ends on: no payout reached the ERP twice, and every
 * payout of the test is either in the ERP or still tracked by a watch (none lost track of).
 */
export async function expectLedgerSound(origin: string, payoutIds: readonly string[], watches: readonly Watch[]): Promise<void> {
  const book = await ledger(origin);
  expect(book.violations).toEqual([]);
  for (const id of payoutIds) {
    const records = book.records.filter((r) => r.payoutId === id);
    expect(records.length, `payout ${id} in the ERP at most once`).toBeLessThanOrEqual(1);
    const watch = watches.find((w) => w.payoutId === id);
    expect(watch, `payout ${id} still tracked`).toBeDefined();
    if (records.length === 1) expect(watch!.state, `payout ${id} is in the ERP`).toBe('synced');
  }
}
