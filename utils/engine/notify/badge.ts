import { browser } from 'wxt/browser';
import { countByState } from '../../store/watch-store';
import type { Engine } from '../engine';

/** The toolbar badge: how many records are failed or overdue (escalated ones count as failed). */
export async function updateBadge(engine: Engine): Promise<number> {
  const counts = await Promise.all(['failed', 'overdue', 'escalate'].map((s) => countByState(engine.db, s as never)));
  const total = counts.reduce((a, b) => a + b, 0);
  await browser.action.setBadgeText({ text: total > 0 ? String(total) : '' });
  if (total > 0) await browser.action.setBadgeBackgroundColor({ color: '#B3261E' });
  await browser.action.setTitle({ title: total > 0 ? `ERP Sync Watch: ${total} payment${total === 1 ? '' : 's'} need attention` : 'ERP Sync Watch' });
  return total;
}
