import { useEffect, useState } from 'react';
import { ENVIRONMENTS, type Settings } from '../../utils/domain/settings';
import { sendMessage } from '../../utils/message-client';
import type { EngineStatus } from '../../utils/messaging';
import { originForEnvironment } from '../../utils/view/procore-links';
import { trackingState } from '../../utils/view/tracking-state';
import { Button } from '../common/Button';
import { Notice } from '../common/Notice';
import { describedBy, Field, LockNote } from './Field';
import type { ConnectionTest } from './use-connection-test';
import type { SettingsForm } from './use-settings-form';

const ENVIRONMENT_LABELS: Record<Settings['environment'], string> = {
  production: 'Production US01 (app.procore.com)',
  production_us02: 'Production US02 (us02.procore.com)',
  developer_sandbox: 'Developer sandbox (sandbox.procore.com)',
  monthly_sandbox: 'Monthly sandbox (api-sandbox-monthly.procore.com)',
  custom: 'Custom origin',
};

export function ConnectionSection({ form, test, status }: { form: SettingsForm; test: ConnectionTest; status: EngineStatus | null }) {
  const [oauthProblem, setOauthProblem] = useState<string | null>(null);
  const [oauthDone, setOauthDone] = useState(false);
  const draft = form.draft;
  if (!draft) return null;
  const envLocked = form.locked.has('environment');
  const originLocked = form.locked.has('apiOrigin');
  const authLocked = form.locked.has('authMode');
  const clientLocked = form.locked.has('oauthClientId');

  const signIn = () => {
    setOauthProblem(null);
    sendMessage('oauth.signIn', {}).then(
      () => setOauthDone(true),
      (reason: unknown) => setOauthProblem(reason instanceof Error ? reason.message : String(reason)),
    );
  };

  return (
    <section id="connection" aria-labelledby="connection-title" className="card">
      <h2 id="connection-title">Connection</h2>
      <p className="tracking-state" role="status" data-testid="tracking-state">
        {trackingState(status).text}
      </p>
      <fieldset disabled={envLocked} aria-describedby={envLocked ? 'environment-locked' : undefined}>
        <legend>Procore environment</legend>
        {envLocked && <LockNote id="environment-locked" />}
        {ENVIRONMENTS.map((env) => (
          <label key={env} className="radio">
            <input
              type="radio"
              name="environment"
              value={env}
              checked={draft.environment === env}
              onChange={() =>
                form.update((d) => ({ ...d, environment: env, apiOrigin: originLocked ? d.apiOrigin : originForEnvironment(env, d.apiOrigin) }))
              }
            />
            {ENVIRONMENT_LABELS[env]}
          </label>
        ))}
      </fieldset>
      {draft.environment === 'custom' ? (
        <Field id="apiOrigin" label="Custom origin" hint="The origin of a Procore-compatible server, such as http://127.0.0.1:4010." error={form.errors.apiOrigin} locked={originLocked}>
          <input
            id="apiOrigin"
            type="url"
            value={draft.apiOrigin}
            disabled={originLocked}
            aria-invalid={Boolean(form.errors.apiOrigin)}
            aria-describedby={describedBy('apiOrigin', { hint: true, error: form.errors.apiOrigin, locked: originLocked })}
            onChange={(e) => form.update((d) => ({ ...d, apiOrigin: e.target.value.trim() }))}
          />
        </Field>
      ) : (
        <p className="hint">Procore pages and requests: {draft.apiOrigin}</p>
      )}
      <fieldset disabled={authLocked}>
        <legend>How the extension signs in</legend>
        {authLocked && <LockNote />}
        <label className="radio">
          <input type="radio" name="authMode" checked={draft.authMode === 'session'} onChange={() => form.update((d) => ({ ...d, authMode: 'session' }))} />
          Your Procore browser session (nothing to set up; the extension never sees your password)
        </label>
        <label className="radio">
          <input type="radio" name="authMode" checked={draft.authMode === 'oauth'} onChange={() => form.update((d) => ({ ...d, authMode: 'oauth' }))} />
          OAuth with your company’s Procore app
        </label>
      </fieldset>
      {draft.authMode === 'oauth' && (
        <>
          <Field id="oauthClientId" label="OAuth client id" hint="From your company’s app in the Procore Developer Portal." error={form.errors.oauthClientId} locked={clientLocked}>
            <input
              id="oauthClientId"
              value={draft.oauthClientId}
              disabled={clientLocked}
              autoComplete="off"
              aria-invalid={Boolean(form.errors.oauthClientId)}
              aria-describedby={describedBy('oauthClientId', { hint: true, error: form.errors.oauthClientId, locked: clientLocked })}
              onChange={(e) => form.update((d) => ({ ...d, oauthClientId: e.target.value.trim() }))}
            />
          </Field>
          <ClientSecretField />
          <p>
            <Button onClick={signIn} disabled={form.dirty}>Sign in with Procore</Button>
          </p>
          {oauthDone && <Notice tone="ok" title="Signed in with Procore." />}
          {oauthProblem && <Notice tone="danger" title="Sign-in did not complete"><p>{oauthProblem}</p></Notice>}
        </>
      )}
      <div className="test-row">
        <Button onClick={() => void test.run()} disabled={test.testing || form.dirty}>
          {test.testing ? 'Testing…' : 'Test connection'}
        </Button>
        {form.dirty && <span className="hint">Save your changes to test them.</span>}
      </div>
      <div aria-live="polite">
        {test.result && (
          <Notice tone="ok" title={`Connected as ${test.result.me.name} (${test.result.me.login})`}>
            <p>
              Companies you can see:{' '}
              {test.result.companies.length ? test.result.companies.map((c) => `${c.name} (${c.id})`).join(', ') : 'none'}.
            </p>
          </Notice>
        )}
        {test.error && (
          <Notice tone="danger" title="The connection test failed">
            <p>{test.error}</p>
          </Notice>
        )}
      </div>
    </section>
  );
}

/**
 * The OAuth client secret, kept apart from the settings form: it goes straight to the
 * background's storage and is never read back, so the field only says whether one is stored.
 */
function ClientSecretField() {
  const [secret, setSecret] = useState('');
  const [hasSecret, setHasSecret] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    sendMessage('settings.get', {}).then(
      (view) => live && setHasSecret(view.hasClientSecret ?? false),
      () => live && setHasSecret(null),
    );
    return () => {
      live = false;
    };
  }, []);

  const store = (value: string) => {
    setProblem(null);
    setSaved(null);
    sendMessage('oauth.setClientSecret', { secret: value }).then(
      (reply) => {
        setHasSecret(reply.hasSecret);
        setSecret('');
        setSaved(reply.hasSecret ? 'Client secret saved.' : 'Client secret removed.');
      },
      (reason: unknown) => setProblem(reason instanceof Error ? reason.message : String(reason)),
    );
  };

  const state = hasSecret === null ? '' : hasSecret ? ' A secret is saved; type a new one to replace it.' : ' None saved.';
  return (
    <div className="field">
      <label htmlFor="oauthClientSecret">Client secret (only if your Procore app has one)</label>
      <input
        id="oauthClientSecret"
        type="password"
        value={secret}
        autoComplete="off"
        aria-describedby="oauthClientSecret-hint"
        onChange={(e) => setSecret(e.target.value)}
      />
      <span id="oauthClientSecret-hint" className="hint">
        Kept in the extension’s background only and never shown again.{state}
      </span>
      <p>
        <Button onClick={() => store(secret)} disabled={!secret.trim()}>Save client secret</Button>{' '}
        {hasSecret && <Button onClick={() => store('')}>Remove client secret</Button>}
      </p>
      <div aria-live="polite">
        {saved && <Notice tone="ok" title={saved} />}
        {problem && <Notice tone="danger" title="The client secret was not saved"><p>{problem}</p></Notice>}
      </div>
    </div>
  );
}
