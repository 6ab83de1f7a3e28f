import { CAPABILITIES, type Capability, type CapabilitySource, type CapabilityState } from '../../domain/capability';
import { readMeta, writeMeta } from '../../store/meta-store';
import type { Engine } from '../engine';

const KEY = 'capabilities';
const EMPTY: CapabilityState = { source: 'not_yet', lastOkAt: null, unavailableIn: [] };

export async function readCapabilities(engine: Engine): Promise<Record<Capability, CapabilityState>> {
  const stored = (await readMeta<Partial<Record<Capability, CapabilityState>>>(engine.db, KEY)) ?? {};
  return Object.fromEntries(CAPABILITIES.map((c) => [c, { ...EMPTY, ...stored[c] }])) as Record<Capability, CapabilityState>;
}

/** A capability worked through `source` now (a better source is never downgraded by a page-only success). */
export async function capabilityWorked(engine: Engine, capability: Capability, source: CapabilitySource, companyId?: string): Promise<void> {
  const all = await readCapabilities(engine);
  const held = all[capability];
  const rank = (s: CapabilitySource) => ['not_yet', 'page_only', 'learned', 'public_api'].indexOf(s);
  all[capability] = {
    source: rank(source) >= rank(held.source) || held.lastOkAt === null ? source : held.source,
    lastOkAt: engine.now(),
    unavailableIn: companyId ? held.unavailableIn.filter((c) => c !== companyId) : held.unavailableIn,
  };
  await writeMeta(engine.db, KEY, all);
}

/** The company answered 403/404 for this capability: it is skipped there, and said so. */
export async function capabilityUnavailable(engine: Engine, capability: Capability, companyId: string): Promise<void> {
  const all = await readCapabilities(engine);
  const held = all[capability];
  if (held.unavailableIn.includes(companyId)) return;
  all[capability] = { ...held, unavailableIn: [...held.unavailableIn, companyId] };
  await writeMeta(engine.db, KEY, all);
}

/** A learned endpoint was forgotten: its capability falls back to what pages show. */
export async function capabilityLost(engine: Engine, capability: Capability): Promise<void> {
  const all = await readCapabilities(engine);
  all[capability] = { ...all[capability], source: 'page_only' };
  await writeMeta(engine.db, KEY, all);
}
