import { SettingsSchema, type Settings } from '../../domain/settings';

export interface ValidSettingsFields {
  values: Partial<Settings>;
  /** Keys that were present but do not fit their settings field. */
  rejected: string[];
}

/** Keeps each field that fits its schema on its own: one bad value loses nothing else. */
export function pickValidSettings(raw: Record<string, unknown>): ValidSettingsFields {
  const values: Record<string, unknown> = {};
  const rejected: string[] = [];
  const shape = SettingsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  for (const [key, value] of Object.entries(raw)) {
    const parsed = shape[key]?.safeParse(value);
    if (parsed?.success) values[key] = parsed.data;
    else rejected.push(key);
  }
  return { values: values as Partial<Settings>, rejected };
}
