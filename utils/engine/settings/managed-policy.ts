import { browser } from 'wxt/browser';
import type { Settings } from '../../domain/settings';
import { pickValidSettings } from './settings-fields';

export interface ManagedPolicy {
  values: Partial<Settings>;
  /** Policy keys that were present but invalid: reported, not applied. */
  rejected: string[];
}

/** Keeps each policy value that fits its settings field; an invalid one is reported and ignored. */
export function parseManagedPolicy(raw: Record<string, unknown>): ManagedPolicy {
  return pickValidSettings(raw);
}

async function readRawPolicy(): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage.managed.get()) ?? {};
  } catch {
    // Browsers without a policy store (or without a schema) answer with an error: no policy.
    return {};
  }
}

/** An enterprise policy (storage.managed, described by public/managed_schema.json). */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  return parseManagedPolicy(await readRawPolicy());
}

/** The policy as it was before a change: `storage.onChanged` gives each changed key's old value (none: it was not set). */
export async function readPolicyBefore(changes: Record<string, { oldValue?: unknown }>): Promise<ManagedPolicy> {
  const raw = await readRawPolicy();
  for (const [key, { oldValue }] of Object.entries(changes)) {
    if (oldValue == null) delete raw[key];
    else raw[key] = oldValue;
  }
  return parseManagedPolicy(raw);
}
