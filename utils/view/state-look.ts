import type { WatchState } from '../domain/watch';

/** How a state looks: the words are the meaning; tone and icon only repeat it. */
export type Tone = 'progress' | 'ok' | 'bad' | 'warn' | 'muted';

/** Each state's glyph and colour, the same in the popup and on Procore's pages. */
export const STATE_LOOK: Record<WatchState, { icon: string; tone: Tone }> = {
  failed: { icon: '✕', tone: 'bad' },
  escalate: { icon: '☎', tone: 'bad' },
  not_exportable: { icon: '⊘', tone: 'bad' },
  overdue: { icon: '⚠', tone: 'warn' },
  re_exporting: { icon: '⟳', tone: 'progress' },
  syncing: { icon: '◷', tone: 'progress' },
  synced: { icon: '✓', tone: 'ok' },
  awaiting_funding: { icon: '…', tone: 'muted' },
  dismissed: { icon: '–', tone: 'muted' },
};
