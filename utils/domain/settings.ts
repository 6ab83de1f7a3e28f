import * as z from '../schema/z';

export const ENVIRONMENTS = ['production', 'production_us02', 'developer_sandbox', 'monthly_sandbox', 'custom'] as const;

const HhMm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use the 24-hour form HH:MM'));

export const SettingsSchema = z.object({
  environment: z._default(z.enum(ENVIRONMENTS), 'production'),
  /** The origin API requests go to; the sandbox's in sandbox builds. */
  apiOrigin: z._default(
    z.url({ protocol: /^https?$/, error: 'enter an origin such as https://app.procore.com' }),
    'https://app.procore.com',
  ),
  authMode: z._default(z.enum(['session', 'oauth']), 'session'),
  oauthClientId: z._default(z.string(), ''),
  /** Companies to watch; empty means every company the user can see. */
  companyIds: z._default(z.array(z.string()), []),
  /** Per company: override of the connector's partial-payment support. */
  partialPaymentOverrides: z._default(z.catchall(z.object({}), z.boolean()), {}),
  /**
   * Companies whose payment export the user says is off in ERP Integrations. Procore publishes no
   * read of that switch (PROCORE-CONTRACT.md), so a company not named here is taken to export.
   */
  paymentExportOff: z._default(z.array(z.string()), []),
  notifications: z._default(
    z.object({
      overdue: z._default(z.boolean(), true),
      failed: z._default(z.boolean(), true),
      syncedAfterFix: z._default(z.boolean(), true),
      quietHours: z._default(
        z.object({
          enabled: z._default(z.boolean(), false),
          start: z._default(HhMm, '19:00'),
          end: z._default(HhMm, '07:00'),
        }),
        { enabled: false, start: '19:00', end: '07:00' },
      ),
    }),
    { overdue: true, failed: true, syncedAfterFix: true, quietHours: { enabled: false, start: '19:00', end: '07:00' } },
  ),
  /** Re-export duplicate check numbers with the suggested number without asking. Off by default. */
  autoFixDuplicateCheckNumbers: z._default(z.boolean(), false),
  retentionDays: z._default(z.int().check(z.gte(1, 'keep at least 1 day'), z.lte(3650)), 30),
  /**
   * The ERP's last check number per Bank ID, as the user reads it in the ERP: no public Procore
   * read gives it (PROCORE-CONTRACT.md "The ERP's check numbers"), so it stands in where the
   * synced records say too little.
   */
  erpLastCheckNumbers: z._default(
    z
      .array(
        z.object({
          bankId: z.string().check(z.minLength(1, 'enter the Bank ID as the ERP names it'), z.maxLength(64)),
          lastCheckNumber: z.int('enter a whole check number').check(z.positive('a check number is 1 or more'), z.lte(999_999_999_999)),
        }),
      )
      .check(z.maxLength(50, 'at most 50 Bank IDs')),
    [],
  ),
  /** The first look after install (and Check now) reads everything funded this many days back. */
  backlogDays: z._default(z.int().check(z.gte(1, 'look back at least 1 day'), z.lte(90)), 7),
});
export type Settings = z.infer<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}
