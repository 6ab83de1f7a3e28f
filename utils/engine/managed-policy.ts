import { browser } from 'wxt/browser';
import { SettingsSchema, type Settings } from '../domain/settings';

export interface ManagedPolicy {
  values: Partial<Settings>;
  /** Policy keys that were present but invalid: reported, not applied. */
  rejected: string[];
}

/** Keeps each policy value that fits its settings field; an invalid one is reported and ignored. */
export function parseManagedPolicy(raw: Record<string, unknown>): ManagedPolicy {
  const values: Record<string, unknown> = {};
  const rejected: string[] = [];
  const shape = SettingsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  for (const [key, value] of Object.entries(raw)) {
    const field = shape[key];
    const parsed = field?.safeParse(value);
    if (field && parsed?.success) values[key] = parsed.data;
    else rejected.push(key);
  }
  return { values: values as Partial<Settings>, rejected };
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
