import type { WatchState } from '../../utils/domain/watch';

type Tone = 'danger' | 'warn' | 'ok' | 'info' | 'muted';

// Each state has a glyph and words, so meaning never rests on colour alone.
const PILLS: Record<WatchState, { icon: string; label: string; tone: Tone }> = {
  failed: { icon: '✕', label: 'Failed', tone: 'danger' },
  escalate: { icon: '!', label: 'Contact ERP support', tone: 'danger' },
  re_exporting: { icon: '↻', label: 'Re-exporting', tone: 'info' },
  not_exportable: { icon: '⊘', label: 'Will not export', tone: 'danger' },
  overdue: { icon: '⚠', label: 'Not in ERP yet', tone: 'warn' },
  syncing: { icon: '◔', label: 'Syncing', tone: 'info' },
  synced: { icon: '✓', label: 'In ERP', tone: 'ok' },
  awaiting_funding: { icon: '…', label: 'Awaiting funding', tone: 'muted' },
  dismissed: { icon: '–', label: 'Dismissed', tone: 'muted' },
};

export function statePillLabel(state: WatchState): string {
  return PILLS[state].label;
}

export function StatePill({ state }: { state: WatchState }) {
  const pill = PILLS[state];
  return (
    <span className={`pill pill-${pill.tone}`}>
      <span aria-hidden="true">{pill.icon}</span>
      <span>{pill.label}</span>
    </span>
  );
}
