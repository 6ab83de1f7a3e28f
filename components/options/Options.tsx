import { useEffect, useState } from 'react';
import { SYNC_WINDOW_MS } from '../../utils/domain/sync-window';
import type { EngineStatus } from '../../utils/messaging';
import { sendMessage, subscribeWatches } from '../../utils/message-client';
import { Button } from '../common/Button';
import { Notice } from '../common/Notice';
import { Dashboard } from '../dashboard/Dashboard';
import { AutoFixSection } from './AutoFixSection';
import { CompaniesSection } from './CompaniesSection';
import { CompatibilityPanel } from './CompatibilityPanel';
import { ConnectionSection } from './ConnectionSection';
import { DataSection } from './DataSection';
import { ErpCheckNumbersSection } from './ErpCheckNumbersSection';
import { NotificationsSection } from './NotificationsSection';
import { useConnectionTest } from './use-connection-test';
import { useSettingsForm } from './use-settings-form';

const NAV = [
  ['connection', 'Connection'],
  ['companies', 'Companies'],
  ['notifications', 'Notifications'],
  ['autofix', 'Automatic fixes'],
  ['erp-check-numbers', 'ERP check numbers'],
  ['data', 'Retention and data'],
  ['compatibility', 'Compatibility'],
  ['dashboard', 'Sync health'],
] as const;

/** The options page: set the extension up once, and see how well payment sync works. */
export function Options() {
  const form = useSettingsForm();
  const test = useConnectionTest();
  const [status, setStatus] = useState<EngineStatus | null>(null);
  const runTest = test.run;

  useEffect(() => {
    sendMessage('status.get', {}).then(setStatus, () => setStatus(null));
    void runTest();
  }, [runTest]);
  // The background's one status, live: the popup reads the same, so the two never contradict.
  useEffect(() => subscribeWatches((change) => change.type === 'status' && setStatus(change.status)), []);

  const errorCount = Object.keys(form.errors).length;
  return (
    <div className="options-layout">
      <nav aria-label="Settings sections" className="options-nav">
        <p className="brand">ERP Sync Watch</p>
        <ul>
          {NAV.map(([id, label]) => (
            <li key={id}><a href={`#${id}`}>{label}</a></li>
          ))}
        </ul>
      </nav>
      <main className="options-main">
        <h1>Settings</h1>
        {form.problem && <Notice tone="danger" title={form.problem} />}
        {form.draft ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void form.save();
            }}
          >
            <ConnectionSection form={form} test={test} status={status} />
            <CompaniesSection form={form} test={test} status={status} />
            <NotificationsSection form={form} />
            <AutoFixSection form={form} />
            <ErpCheckNumbersSection form={form} />
            <DataSection form={form} status={status} />
            <div className="save-bar">
              <Button type="submit" variant="primary" disabled={!form.dirty || errorCount > 0 || form.saving}>
                {form.saving ? 'Saving…' : 'Save settings'}
              </Button>
              <Button onClick={form.reset} disabled={!form.dirty || form.saving}>Discard changes</Button>
              <span role="status" aria-live="polite" className="save-state">
                {errorCount > 0
                  ? `Fix ${errorCount} field${errorCount === 1 ? '' : 's'} to save.`
                  : form.dirty
                    ? 'Unsaved changes.'
                    : form.savedAt
                      ? 'Settings saved.'
                      : ''}
              </span>
            </div>
          </form>
        ) : (
          !form.problem && <p>Loading settings…</p>
        )}
        <CompatibilityPanel />
        <Dashboard windowMs={SYNC_WINDOW_MS} />
      </main>
    </div>
  );
}
