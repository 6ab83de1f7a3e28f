import { SYNC_WINDOW_MS } from '../../domain/sync-window';
import * as z from '../../schema/z';
import type { Envelope } from '../../messaging';
import { readMeta, writeMeta } from '../../store/meta-store';
import type { Engine, SyncWindowSource } from '../engine';
import type { EngineDb } from '../../store/engine-db';
import { runtimeTrust } from '../message-router';
import { senderKind, type SenderLike } from '../sender-check';

/**
 * Tests against the local Procore sandbox run on a window of seconds, not Procore's 10 minutes.
 * Only a sandbox build (`WXT_SANDBOX=1`) can shorten it: Vite replaces this constant at build time,
 * so a production bundle folds every use to `false` and carries none of the code below.
 */
export const SANDBOX_BUILD = import.meta.env?.WXT_SANDBOX === '1';

/** The one message that sets it, from the extension's own pages only (test helpers send it). */
export const SET_SYNC_WINDOW = 'sandbox.setSyncWindow';
const WINDOW_KEY = 'sandbox.syncWindowMs';
const SetSyncWindowSchema = z.object({ windowMs: z.int().check(z.gte(1000), z.lte(SYNC_WINDOW_MS)) });

/** The sandbox build's window: the one a test set, read on every use (the worker may restart). */
export function sandboxWindow(db: EngineDb): SyncWindowSource {
  return async () => (await readMeta<number>(db, WINDOW_KEY)) ?? SYNC_WINDOW_MS;
}

/**
 * Answers `sandbox.setSyncWindow` and nothing else (null: for the message router). Registered by
 * setupEngine only in a sandbox build.
 */
export function sandboxWindowRoute(ready: Promise<Engine>) {
  return (message: unknown, sender: SenderLike): Promise<Envelope<unknown>> | null => {
    const { name, payload } = (message ?? {}) as { name?: unknown; payload?: unknown };
    if (name !== SET_SYNC_WINDOW) return null;
    return (async (): Promise<Envelope<unknown>> => {
      if (senderKind(sender, runtimeTrust()) !== 'extension_page') return { ok: false, error: `Refused: "${SET_SYNC_WINDOW}" may only be sent from the extension's own pages.` };
      const parsed = SetSyncWindowSchema.safeParse(payload ?? {});
      if (!parsed.success) return { ok: false, error: `Invalid "${SET_SYNC_WINDOW}" request: windowMs must be whole ms from 1000 to ${SYNC_WINDOW_MS}.` };
      await writeMeta((await ready).db, WINDOW_KEY, parsed.data.windowMs);
      return { ok: true, value: { windowMs: parsed.data.windowMs } };
    })();
  };
}
