import { z } from 'zod';

export const DEFAULT_WINDOW_MS = 10 * 60 * 1000;

export const ENVIRONMENTS = ['production', 'developer_sandbox', 'monthly_sandbox', 'custom'] as const;

const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use the 24-hour form HH:MM');

export const SettingsSchema = z.object({
  environment: z.enum(ENVIRONMENTS).default('production'),
  /** The origin API requests go to; the sandbox's in sandbox builds. */
  apiOrigin: z.url({ protocol: /^https?$/, error: 'enter an origin such as https://app.procore.com' }).default('https://app.procore.com'),
  authMode: z.enum(['session', 'oauth']).default('session'),
  oauthClientId: z.string().default(''),
  /** Companies to watch; empty means every company the user can see. */
  companyIds: z.array(z.string()).default([]),
  /** Per company: override of the connector's partial-payment support. */
  partialPaymentOverrides: z.record(z.string(), z.boolean()).default({}),
  notifications: z
    .object({
      overdue: z.boolean().default(true),
      failed: z.boolean().default(true),
      syncedAfterFix: z.boolean().default(true),
      quietHours: z
        .object({ enabled: z.boolean().default(false), start: HhMm.default('19:00'), end: HhMm.default('07:00') })
        .default({ enabled: false, start: '19:00', end: '07:00' }),
    })
    .default({ overdue: true, failed: true, syncedAfterFix: true, quietHours: { enabled: false, start: '19:00', end: '07:00' } }),
  /** Re-export duplicate check numbers with the suggested number without asking. Off by default. */
  autoFixDuplicateCheckNumbers: z.boolean().default(false),
  retentionDays: z.number().int().min(1, 'keep at least 1 day').max(3650).default(30),
  /** Tests only: the product always uses 10 minutes. */
  windowMs: z.number().int().min(1000).max(DEFAULT_WINDOW_MS).default(DEFAULT_WINDOW_MS),
});
export type Settings = z.infer<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}
