import * as z from './schema/z';
import { SettingsSchema, type Settings } from './domain/settings';
import { WATCH_STATES, type Watch } from './domain/watch';
import type { Diagnosis } from './domain/cause';
import type { AuditEntry } from './domain/audit-entry';
import { PAGE_FEATURE_IDS, type PageFeatureId } from './page-features';
import { LEARNED_KINDS } from './domain/learn/record-shapes';
import type { Capability, CapabilitySource } from './domain/capability';

export const FIX_PRESS_OUTCOMES = ['pressed', 'page_refused', 'page_error'] as const;

/**
 * The protocol between content scripts, extension pages and the background: one schema
 * per message. The background validates every request and its sender (see
 * `utils/messaging/sender.ts`); replies are typed by `Replies`.
 */
export const RequestSchemas = {
  'settings.get': z.object({}),
  'settings.update': z.object({ patch: z.partial(SettingsSchema) }),
  'watches.list': z.object({
    states: z.optional(z.array(z.enum(WATCH_STATES))),
    companyId: z.optional(z.string()),
    disbursementId: z.optional(z.string()),
    payoutIds: z.optional(z.array(z.string()).check(z.maxLength(5000))),
    syncedSince: z.optional(z.number()),
  }),
  'poll.now': z.object({ companyId: z.optional(z.string()) }),
  /**
   * The page is about to press Procore's own Export for this record, the user having confirmed
   * old → new in the page (content script on the configured Procore origin). The background
   * reads the record afresh and stores the intent before answering; the page presses only on ok.
   */
  'fix.begin': z.object({
    payoutId: z.string().check(z.minLength(1)),
    checkNumber: z.optional(z.int().check(z.positive())),
    bankId: z.optional(z.string().check(z.minLength(1))),
  }),
  /** What pressing Export did (content script): Procore's words when the page refused or broke. */
  'fix.pressed': z.object({
    payoutId: z.string().check(z.minLength(1)),
    intentId: z.string().check(z.minLength(1)),
    outcome: z.enum(FIX_PRESS_OUTCOMES),
    message: z.optional(z.string().check(z.maxLength(500))),
  }),
  /** Opens (or focuses) the record's ERP Integrations page with its fix ready (extension pages). Exports nothing. */
  'fix.open': z.object({ payoutId: z.string().check(z.minLength(1)) }),
  'checkNumbers.recommend': z.object({ companyId: z.string(), fundingAccountId: z.string() }),
  /** After the user saved Edit Account Details: does Procore now hold the expected Next Check Number? */
  'fundingAccount.verify': z.object({
    companyId: z.string(),
    fundingAccountId: z.string(),
    expected: z.int().check(z.positive()),
  }),
  'watch.dismiss': z.object({ payoutId: z.string() }),
  'watch.snooze': z.object({ payoutId: z.string(), minutes: z.int().check(z.gte(1), z.lte(24 * 60)) }),
  /** Page hints: what a content script read on the page; the background confirms by API. */
  'page.hints': z.object({
    companyId: z.string(),
    disbursementNumbers: z.array(z.string()).check(z.maxLength(5000)),
    invoiceNumbers: z.optional(z.array(z.string()).check(z.maxLength(5000))),
    shownFailed: z.optional(z.array(z.string()).check(z.maxLength(5000))),
    /** Of `disbursementNumbers`, those the page shows funded. */
    funded: z.optional(z.array(z.string()).check(z.maxLength(5000))),
    /** Of `funded`, those the page's own data says Procore last changed long before its first window could end. */
    longFunded: z.optional(z.array(z.string()).check(z.maxLength(5000))),
  }),
  /**
   * A same-origin GET the Procore page made whose answer held known records (content script):
   * an untrusted hint the background confirms by replaying it before it learns the endpoint.
   */
  'learn.observed': z.object({
    companyId: z.string().check(z.regex(/^\d{1,20}$/)),
    method: z.literal('GET'),
    path: z.string().check(z.maxLength(2048)),
    query: z.string().check(z.maxLength(1024)),
    kind: z.enum(LEARNED_KINDS),
    template: z.string().check(z.maxLength(512)),
    at: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(2)),
  }),
  /** A page feature threw on a Procore page (content script): the Compatibility panel shows it. */
  'feature.error': z.object({
    featureId: z.enum(PAGE_FEATURE_IDS),
    message: z.string().check(z.maxLength(500)),
  }),
  /** The Compatibility panel: how each page feature fares on this Procore. */
  'compatibility.get': z.object({}),
  /** Pre-flight facts for invoices being chosen for payment. */
  'preflight.check': z.object({
    companyId: z.string(),
    invoices: z
      .array(
        z.object({
          invoiceId: z.string(),
          projectId: z.optional(z.string()),
          paymentAmountCents: z.optional(z.int()),
          amountDueCents: z.optional(z.int()),
        }),
      )
      .check(z.maxLength(500)),
  }),
  'status.get': z.object({}),
  /** Every watch (synced and dismissed included) funded inside the range: the dashboard's data. */
  'history.list': z.object({ from: z.number(), to: z.number() }),
  'audit.list': z.object({ from: z.optional(z.number()), to: z.optional(z.number()) }),
  'data.clear': z.object({ confirm: z.literal(true) }),
  /** Who the configured connection signs in as, and which companies it sees. */
  'connection.test': z.object({}),
  /** OAuth sign-in through browser.identity (background only: tokens never leave it). */
  'oauth.signIn': z.object({}),
  /**
   * The OAuth client secret, only if the company's Procore app has one (an empty string removes
   * it). Stored in the background's storage.local; no reply ever carries it back.
   */
  'oauth.setClientSecret': z.object({ secret: z.string().check(z.maxLength(512)) }),
} as const;

export type MessageName = keyof typeof RequestSchemas;

/** A refusal is an answer, not an error: the page shows `reason` in its confirm and presses nothing. */
export type FixBeginReply = { ok: true; intentId: string } | { ok: false; reason: string };

/** Sent by `fix.open` (tabs.sendMessage) to a tab already on the ERP Integrations page. */
export interface FixFocusMessage {
  name: 'fix.focus';
  payoutId: string;
}

/** The URL hash that tells the ERP Integrations page which record's fix to prepare. */
export const FIX_HASH_KEY = 'esw-fix';
export type RequestOf<N extends MessageName> = z.input<(typeof RequestSchemas)[N]>;

export interface CheckNumberRecommendation {
  erpLastCheckNumber: number | null;
  currentNextCheckNumber: number;
  nextCheckNumber: number;
  headroom: number;
  changeNeeded: boolean;
  /** The current number is unsafe but no safe one fits the ERP's check-number field. */
  noRoomInField: boolean;
  /** Digits the ERP's check-number field takes, when known. */
  fieldDigits: number | null;
  erpName: string;
  /** The ERP's active bank ids (empty when it lists none). */
  erpBankIds: string[];
}

/** What would make a payment fail to export, as facts: the page words them (utils/overlay/preflight-text.ts). */
export interface PreflightIssue {
  invoiceId: string;
  kind: 'invoice_not_synced' | 'partial_refused' | 'tax_or_markup' | 'sync_disabled';
  /** The company's name for its ERP ('the ERP' when not known). */
  erpName: string;
  /** invoice_not_synced: the invoice's number and its ERP status as Procore gives it. */
  invoice?: { number: string; erpStatus: string };
}

export interface EngineStatus {
  signedIn: boolean | null;
  lastPollAt: number | null;
  lastError: { message: string; at: number; retryAt: number | null } | null;
  watchedCompanies: {
    id: string;
    name: string;
    erpName: string;
    paymentSyncEnabled: boolean;
    /** What the connector reports (ERP settings `supports_partial_payments`); absent until read. */
    supportsPartialPayments?: boolean;
  }[];
  clockOffsetMs: number;
  /** Funding to deadline (SYNC_WINDOW_MS; shorter only in the sandbox build): absent until a poll. */
  syncWindowMs?: number;
}

export interface Replies {
  'settings.get': SettingsView;
  'settings.update': SettingsView;
  'watches.list': Watch[];
  'poll.now': { ok: true };
  'fix.begin': FixBeginReply;
  'fix.pressed': Watch;
  'fix.open': { ok: true; focused: boolean };
  'checkNumbers.recommend': CheckNumberRecommendation;
  'fundingAccount.verify': { matches: boolean; nextCheckNumber: number | null };
  'watch.dismiss': Watch;
  'watch.snooze': Watch;
  'page.hints': { ok: true };
  'learn.observed': { learned: boolean };
  'feature.error': { ok: true };
  'compatibility.get': Compatibility;
  'preflight.check': PreflightIssue[];
  'status.get': EngineStatus;
  'history.list': Watch[];
  'audit.list': AuditEntry[];
  'data.clear': { ok: true };
  'connection.test': { me: { id: string; login: string; name: string }; companies: { id: string; name: string }[] };
  'oauth.signIn': { ok: true };
  'oauth.setClientSecret': { ok: true; hasSecret: boolean };
}

/** What the worker knows of a capability; the pages put it in words (domain/capability.ts). */
export interface CapabilityView {
  id: Capability;
  source: CapabilitySource;
  lastOkAt: number | null;
  /** How many companies answered 403/404 for it. */
  unavailableIn: number;
}

/** Each page feature, and the last error it reported (null: none since the data was cleared). */
export interface Compatibility {
  features: { id: PageFeatureId; name: string; lastError: { message: string; at: number } | null }[];
  extensionVersion?: string;
  /** How each capability is met on this Procore (absent from a background that predates it). */
  capabilities?: CapabilityView[];
  /** The GETs learned from Procore's pages: templates only, never ids, headers or records. */
  learned?: { kind: string; template: string; queryKeys: string[]; at: string[]; lastOkAt: number | null }[];
}

/** Settings as pages see them: the values, and which fields an enterprise policy locked. */
export interface SettingsView {
  settings: Settings;
  locked: (keyof Settings)[];
  /** Whether an OAuth client secret is stored (the secret itself never leaves the background). */
  hasClientSecret?: boolean;
}

/** Every reply travels as a result envelope, so an error reaches the caller as words. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/** Live changes pushed over the `watches` port. */
export type WatchChange =
  | { type: 'upsert'; watches: Watch[] }
  | { type: 'remove'; payoutIds: string[] }
  | { type: 'status'; status: EngineStatus };

export { WATCH_PORT } from './watch-port-name';

export type { Diagnosis };
