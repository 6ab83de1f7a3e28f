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

/** An enterprise policy (storage.managed, described by public/managed_schema.json). */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  try {
    const raw = await browser.storage.managed.get();
    return parseManagedPolicy(raw ?? {});
  } catch {
    // Browsers without a policy store (or without a schema) answer with an error: no policy.
    return { values: {}, rejected: [] };
  }
}
