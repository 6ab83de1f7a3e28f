import { browser } from 'wxt/browser';
import { deleteMeta, readMeta, writeMeta } from '../../store/meta-store';
import { getWatches } from '../../store/watch-store';
import { openErpIntegrations } from '../fix/fix-open';
import { storedCompanies } from '../poll/company-directory';
import type { Engine } from '../engine';
import { groupForNotification, type NotifyItem } from '../../domain/notification-grouping';
import { companyNotification } from '../../domain/notification-text';
import type { Settings } from '../../domain/settings';

export const SNOOZE_MINUTES = 15;
const PREFIX = 'esw:';

// The packaged toolbar icon (public/icon): Chrome refuses a notification whose image cannot be
// loaded, and the end-to-end tests see every notification shown from this build.
const notificationIcon = () => browser.runtime.getURL('/icon/48.png');

interface NotificationRecord {
  companyId: string;
  payoutIds: string[];
}

/** One record: its fix is opened on the ERP Integrations page; several: the page itself. */
const fixTarget = (record: NotificationRecord): string | null => (record.payoutIds.length === 1 ? record.payoutIds[0]! : null);
const OPEN_BUTTON = { title: 'Open ERP Integrations' };

async function createNotification(id: string, options: Record<string, unknown>): Promise<void> {
  try {
    await browser.notifications.create(id, options as never);
  } catch (error) {
    // Firefox has no notification buttons and refuses the option: show it without them.
    if (!('buttons' in options)) throw error;
    const { buttons: _buttons, requireInteraction: _r, ...plain } = options;
    await browser.notifications.create(id, plain as never);
  }
}

/**
 * One desktop notification per company for everything one cycle found (never a burst), unless
 * the user turned that kind off or snoozed the record (quiet hours: notification-outbox.ts).
 */
export async function notify(engine: Engine, items: readonly NotifyItem[], settings: Settings): Promise<number> {
  const watches = await getWatches(engine.db, [...new Set(items.map((i) => i.payoutId))]);
  const groups = groupForNotification(items, watches, settings, engine.now());
  const names = new Map((await storedCompanies(engine)).map((c) => [c.id, c.name]));
  const windowMs = await engine.syncWindowMs();
  let shown = 0;
  for (const [companyId, byKind] of groups) {
    const { title, message } = companyNotification(byKind, windowMs, names.get(companyId));
    const id = `${PREFIX}${companyId}:${engine.now()}`;
    const payoutIds = [...byKind.values()].flat().map((w) => w.payoutId);
    await writeMeta(engine.db, `notification:${id}`, { companyId, payoutIds } satisfies NotificationRecord);
    await createNotification(id, {
      type: 'basic',
      iconUrl: notificationIcon(),
      title,
      message,
      buttons: [OPEN_BUTTON, { title: `Snooze ${SNOOZE_MINUTES} min` }],
    });
    shown++;
  }
  return shown;
}

/**
 * The automatic policy's notification: the fixes it prepared (a free check number for a
 * duplicate) wait on the ERP Integrations page; nothing is exported until a person confirms there.
 */
export async function notifyFixReady(engine: Engine, companyId: string, fixes: readonly { payoutId: string; checkNumber: number }[]): Promise<void> {
  if (!fixes.length) return;
  const id = `${PREFIX}${companyId}:fix:${engine.now()}`;
  const payoutIds = fixes.map((f) => f.payoutId);
  const one = fixes.length === 1 ? ` with check number ${fixes[0]!.checkNumber}` : '';
  await writeMeta(engine.db, `notification:${id}`, { companyId, payoutIds } satisfies NotificationRecord);
  await createNotification(id, {
    type: 'basic',
    iconUrl: notificationIcon(),
    title: fixes.length === 1 ? 'A fix is ready in Procore' : `${fixes.length} fixes are ready in Procore`,
    message: `Duplicate check number: the fix${one} is ready on the ERP Integrations page. Nothing is exported until you confirm there.`,
    buttons: [{ title: 'Fix in Procore' }, { title: `Snooze ${SNOOZE_MINUTES} min` }],
  });
}

/** A click on a notification: the ERP Integrations page, with the record's fix ready when it is about one. */
export async function openFromNotification(engine: Engine, notificationId: string): Promise<void> {
  const record = await readMeta<NotificationRecord>(engine.db, `notification:${notificationId}`);
  if (!record) return;
  await openErpIntegrations(engine, record.companyId, fixTarget(record));
  await browser.notifications.clear(notificationId);
}

/** Clicks and buttons on our notifications: open the company's ERP Integrations page (the fix ready), or snooze. */
export function setupNotificationClicks(ready: Promise<Engine>, snooze: (engine: Engine, payoutIds: string[], minutes: number) => Promise<void>): void {
  // What a notification was about is kept only while it is on screen.
  browser.notifications.onClosed.addListener((id) => {
    if (id.startsWith(PREFIX)) void ready.then((engine) => deleteMeta(engine.db, [`notification:${id}`]));
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id.startsWith(PREFIX)) void ready.then((engine) => openFromNotification(engine, id));
  });
  // Firefox has no notification buttons (and no such event).
  browser.notifications.onButtonClicked?.addListener((id, index) => {
    if (!id.startsWith(PREFIX)) return;
    void ready.then(async (engine) => {
      if (index === 0) return openFromNotification(engine, id);
      const record = await readMeta<NotificationRecord>(engine.db, `notification:${id}`);
      if (record) await snooze(engine, record.payoutIds, SNOOZE_MINUTES);
      await browser.notifications.clear(id);
    });
  });
}
