import { useState } from 'react';
import type { EngineStatus } from '../../utils/messaging';
import { sendMessage } from '../../utils/message-client';
import { auditCsv } from '../../utils/view/audit-csv';
import { historyCsv } from '../../utils/view/history-csv';
import { forgetLastView } from '../popup/forget-last-view';
import { Button } from '../common/Button';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { Notice } from '../common/Notice';
import { DaysField } from './DaysField';
import type { SettingsForm } from './use-settings-form';

function download(name: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const today = () => new Date().toISOString().slice(0, 10);

export function DataSection({ form, status }: { form: SettingsForm; status: EngineStatus | null }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'danger'; text: string } | null>(null);
  if (!form.draft) return null;

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ tone: 'ok', text: await work() });
    } catch (reason) {
      setMessage({ tone: 'danger', text: reason instanceof Error ? reason.message : String(reason) });
    } finally {
      setBusy(false);
    }
  };
  const exportHistory = () =>
    act(async () => {
      const watches = await sendMessage('history.list', { from: 0, to: Date.now() });
      download(`erp-sync-history-${today()}.csv`, historyCsv(watches, new Map((status?.watchedCompanies ?? []).map((c) => [c.id, c.name]))));
      return `History exported: ${watches.length} payment record${watches.length === 1 ? '' : 's'}.`;
    });
  const exportAudit = () =>
    act(async () => {
      const entries = await sendMessage('audit.list', {});
      download(`erp-sync-audit-${today()}.csv`, auditCsv(entries));
      return `Audit log exported: ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}.`;
    });
  const clear = () =>
    act(async () => {
      await sendMessage('data.clear', { confirm: true });
      forgetLastView();
      setConfirming(false);
      return 'All stored payment records, history and audit log were cleared. Settings are kept.';
    }).finally(() => setConfirming(false));

  return (
    <section id="data" aria-labelledby="data-title" className="card">
      <h2 id="data-title">Retention and data</h2>
      <DaysField form={form} setting="retentionDays" label="Keep history for (days)" hint="Records and audit entries older than this are deleted." max={3650} />
      <DaysField
        form={form}
        setting="backlogDays"
        label="Look back on a first check (days)"
        hint="After install, and when you press Check now, payments funded this many days back are read and watched."
        max={90}
      />
      <div className="button-row">
        <Button onClick={exportHistory} disabled={busy}>Export history (CSV)</Button>
        <Button onClick={exportAudit} disabled={busy}>Export audit log (CSV)</Button>
        <Button variant="danger" onClick={() => setConfirming(true)} disabled={busy}>Clear data…</Button>
      </div>
      <div aria-live="polite">
        {message && <Notice tone={message.tone} title={message.tone === 'ok' ? message.text : `That did not work: ${message.text}`} />}
      </div>
      {confirming && (
        <ConfirmDialog title="Clear all stored data?" confirmLabel="Clear data" danger busy={busy} onConfirm={() => void clear()} onCancel={() => setConfirming(false)}>
          <p>
            This deletes every watched payment record, the history and the audit log from this browser. Procore and your
            ERP are not changed. Export first if you need them. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
