import { browser } from 'wxt/browser';
import { readCompatibility, recordFeatureError } from '../compatibility/feature-error-log';
import { hasClientSecret, setClientSecret, signInWithOAuth } from '../procore/oauth';
import { procoreOrigins, sessionOrigin } from '../procore/origins';
import { ProcoreError } from '../procore/procore-error';
import { listAudit } from '../store/audit-log';
import { listWatches } from '../store/watch-store';
import { checkNumberAdvice } from './fix/check-number-advice';
import type { Engine } from './engine';
import { confirmObservation, learnedEndpoints } from './learn/learned-endpoints';
import { capabilityWorked, readCapabilities } from './learn/capability-log';
import { connectionReaches, holdObservation } from './learn/held-observations';
import { CAPABILITIES } from '../domain/capability';
import { rememberTabOrigin } from './poll/procore-connection';
import { readStatus, writeStatus } from './poll/engine-status';
import { eraseEngineData } from './state/erase-data';
import { beginFix } from './fix/fix-begin';
import { openFix } from './fix/fix-open';
import { fixPressed } from './fix/fix-pressed';
import { verifyNextCheckNumber } from './fix/verify-next-check-number';
import type { SenderKind } from './sender-check';
import type { MessageHandlers } from './message-router';
import { confirmPageHints } from './learn/page-hints';
import type { ClientFactory } from './poll/poll-runner';
import { pollNow as pollNowFor, trackNow } from './poll/poll-now';
import type { CycleOptions } from './poll/poll-cycle';
import { preflightCheck } from './fix/preflight';
import { reschedule } from './poll/scheduler';
import { probeSession } from './poll/signed-out-probe';
import { getSettingsView, updateSettings } from './settings/settings-store';
import { followSettingsChange } from './settings/follow-settings-change';
import { applyUserEvent } from './state/watch-actions';

// A page reporting a signed-in session probes at most this often (each tab of a busy page sends hints).
const PAGE_PROBE_INTERVAL_MS = 15_000;
let lastPageProbe = -Infinity;

function pageSaysSignedIn(engine: Engine): boolean {
  if (engine.localTime() - lastPageProbe < PAGE_PROBE_INTERVAL_MS) return false;
  lastPageProbe = engine.localTime();
  return true;
}

/** Fixes are begun and reported only by our content script on the Procore the extension is set up for. */
async function requireProcoreContentScript(engine: Engine, from: SenderKind, origin: string | null): Promise<void> {
  if (from === 'content_script' && origin && sessionOrigin(await engine.settings(), origin) === origin) return;
  throw new Error('Refused: a fix is confirmed only on the Procore ERP Integrations page this extension is set up for.');
}

/** Every message of utils/messaging.ts, answered from the store or through Procore. */
export function messageHandlers(engine: Engine, clientFor: ClientFactory): MessageHandlers {
  const pollNow = (companyId?: string, fromPage?: Pick<CycleOptions, 'readNow'>) => pollNowFor(engine, clientFor, companyId, fromPage);
  return {
    'settings.get': async () => ({ ...(await getSettingsView(engine.db)), hasClientSecret: await hasClientSecret() }),
    'settings.update': async ({ patch }) => {
      const before = (await getSettingsView(engine.db)).settings;
      const view = await updateSettings(engine.db, patch);
      await followSettingsChange(engine, clientFor, before, view.settings);
      return view;
    },
    'watches.list': (query) => listWatches(engine.db, query),
    'poll.now': async ({ companyId }) => {
      await pollNow(companyId);
      return { ok: true };
    },
    'fix.begin': async ({ payoutId, ...values }, from, origin) => {
      await requireProcoreContentScript(engine, from, origin);
      const reply = await beginFix(engine, await clientFor(engine), payoutId, values);
      // A record now "checking" is polled at the faster pace.
      if (reply.ok) await reschedule(engine);
      return reply;
    },
    'fix.pressed': async (pressed, from, origin) => {
      await requireProcoreContentScript(engine, from, origin);
      return fixPressed(engine, pressed);
    },
    'fix.open': ({ payoutId }) => openFix(engine, payoutId),
    'checkNumbers.recommend': async ({ companyId, fundingAccountId }) => checkNumberAdvice(engine, await clientFor(engine), companyId, fundingAccountId),
    'fundingAccount.verify': async ({ companyId, fundingAccountId, expected }) =>
      verifyNextCheckNumber(engine, await clientFor(engine), companyId, fundingAccountId, expected),
    'watch.dismiss': ({ payoutId }) => applyUserEvent(engine, payoutId, { type: 'dismiss' }, 'Dismissed by the user'),
    'watch.snooze': ({ payoutId, minutes }) =>
      applyUserEvent(engine, payoutId, { type: 'snooze', until: engine.now() + minutes * 60_000 }, `Snoozed for ${minutes} min`),
    'page.hints': async ({ companyId, ...hint }, _from, origin) => {
      if (origin) await rememberTabOrigin(engine, origin);
      // A Procore page showing payments is a signed-in session: while signed out, probe at once.
      if ((await readStatus(engine.db)).signedIn === false && pageSaysSignedIn(engine)) await probeSession(engine, clientFor);
      else await confirmPageHints(engine, companyId, hint, (id, readNow) => pollNow(id, { readNow }));
      return { ok: true };
    },
    'learn.observed': async (observation, from, origin) => {
      if (from !== 'content_script' || !origin) return { learned: false };
      await rememberTabOrigin(engine, origin);
      await capabilityWorked(engine, 'recognise_pages', 'page_only');
      if (!(await connectionReaches(engine, origin))) {
        await holdObservation(engine, origin, observation);
        return { learned: false };
      }
      const records = await confirmObservation(engine, await clientFor(engine), observation);
      if (!records) return { learned: false };
      // Confirmed by the background's own read: follow what it shows now.
      if (observation.kind === 'disbursement_list' || observation.kind === 'disbursement_detail') await pollNow(observation.companyId, {});
      return { learned: true };
    },
    'feature.error': async ({ featureId, message }) => {
      await recordFeatureError(featureId, message, engine.now());
      return { ok: true };
    },
    'compatibility.get': async () => {
      const [features, capabilities, learned] = await Promise.all([readCompatibility(), readCapabilities(engine), learnedEndpoints(engine)]);
      return {
        ...features,
        // fakeBrowser in unit tests has no manifest.
        extensionVersion: typeof browser.runtime.getManifest === 'function' ? browser.runtime.getManifest().version : 'unknown',
        capabilities: CAPABILITIES.map((id) => ({
          id,
          source: capabilities[id].source,
          lastOkAt: capabilities[id].lastOkAt,
          unavailableIn: capabilities[id].unavailableIn.length,
        })),
        learned: Object.values(learned).map((e) => ({ kind: e.kind, template: e.template, queryKeys: [...new URLSearchParams(e.query).keys()], at: e.at, lastOkAt: e.lastOkAt })),
      };
    },
    'preflight.check': async ({ companyId, invoices }) => preflightCheck(engine, await clientFor(engine), companyId, invoices),
    'status.get': async () => ({ ...(await readStatus(engine.db)), clockOffsetMs: engine.clockOffsetMs, syncWindowMs: await engine.syncWindowMs() }),
    'history.list': async ({ from, to }) =>
      (await listWatches(engine.db)).filter((w) => {
        const at = w.fundingCompletedAt ?? w.stateSince;
        return at >= from && at <= to;
      }),
    'audit.list': (range) => listAudit(engine.db, range),
    'data.clear': async () => {
      const removed = await eraseEngineData(engine);
      engine.hub.publish({ type: 'remove', payoutIds: removed });
      await reschedule(engine);
      return { ok: true };
    },
    'connection.test': async () => {
      const client = await clientFor(engine);
      try {
        const [me, companies] = await Promise.all([client.me(), client.companies()]);
        // What the options page now says ("Connected as ...") the status says too, so the popup
        // agrees; and tracking starts if it had not.
        const status = await writeStatus(engine.db, { signedIn: true });
        engine.hub.publish({ type: 'status', status });
        if (status.lastPollAt === null || status.watchedCompanies.length === 0) trackNow(engine, clientFor);
        return { me: { id: me.id, login: me.login ?? '', name: me.name ?? '' }, companies: companies.map((c) => ({ id: c.id, name: c.name ?? `Company ${c.id}` })) };
      } catch (error) {
        if (error instanceof ProcoreError) throw new Error(`${error.message} (${client.http.origin})`);
        throw error;
      }
    },
    'oauth.signIn': async () => {
      const settings = await engine.settings();
      await signInWithOAuth({ loginOrigin: procoreOrigins(settings).login, clientId: settings.oauthClientId });
      // Signed in: tracking resumes now, not at the next probe.
      await probeSession(engine, clientFor);
      return { ok: true };
    },
    'oauth.setClientSecret': async ({ secret }) => ({ ok: true, hasSecret: await setClientSecret(secret) }),
  };
}
