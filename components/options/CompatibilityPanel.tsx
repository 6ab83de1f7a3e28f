import { useEffect, useState } from 'react';
import { CAPABILITY_NAMES, capabilityAdvice, SOURCE_WORDS } from '../../utils/domain/capability';
import { compatibilityReport } from '../../utils/domain/compatibility-report';
import type { Compatibility } from '../../utils/messaging';
import { sendMessage } from '../../utils/message-client';
import { Button } from '../common/Button';
import { Notice } from '../common/Notice';

const when = (at: number) => <time dateTime={new Date(at).toISOString()}>{new Date(at).toLocaleString()}</time>;

/**
 * How ERP Sync Watch meets each need on this Procore (public API, learned from its pages, page
 * only, not yet), when it last worked and what the user can do; then each page feature, working
 * or its last error. "Copy report" puts the same, redacted, on the clipboard. Fed by one message.
 */
export function CompatibilityPanel() {
  const [compatibility, setCompatibility] = useState<Compatibility | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    sendMessage('compatibility.get', {}).then(setCompatibility, (error: unknown) =>
      setProblem(`Compatibility could not be read: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, []);
  const copy = () => {
    if (!compatibility) return;
    const text = compatibilityReport(compatibility, { extensionVersion: compatibility.extensionVersion ?? 'unknown', at: Date.now() });
    navigator.clipboard.writeText(text).then(
      () => setCopied('Report copied: it holds path templates, field names and counts, no names, amounts or ids.'),
      () => setCopied('The clipboard refused the report; select it below and copy it by hand.'),
    );
  };
  return (
    <section id="compatibility" aria-labelledby="compatibility-title" className="card">
      <h2 id="compatibility-title">Compatibility</h2>
      <p className="hint">How ERP Sync Watch reads your Procore, and what it adds to Procore&apos;s pages.</p>
      {problem && <Notice tone="danger" title={problem} />}
      {compatibility?.capabilities && (
        <table className="compatibility-capabilities" data-testid="compatibility-capabilities">
          <caption className="visually-hidden">Each capability, how it is met now, when it last worked, and what you can do</caption>
          <thead>
            <tr>
              <th scope="col">Capability</th>
              <th scope="col">Met by</th>
              <th scope="col">Last worked</th>
              <th scope="col">What you can do</th>
            </tr>
          </thead>
          <tbody>
            {compatibility.capabilities.map((c) => (
              <tr key={c.id} data-capability={c.id} data-source={c.source}>
                <th scope="row">{CAPABILITY_NAMES[c.id]}</th>
                <td>
                  {SOURCE_WORDS[c.source]}
                  {c.unavailableIn > 0 && ` (refused in ${c.unavailableIn} ${c.unavailableIn === 1 ? 'company' : 'companies'})`}
                </td>
                <td>{c.lastOkAt === null ? 'never' : when(c.lastOkAt)}</td>
                <td>{capabilityAdvice(c.id, c) ?? 'Nothing needed.'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {compatibility && (
        <ul className="compatibility-list">
          {compatibility.features.map(({ id, name, lastError }) => (
            <li key={id}>
              <strong>{name}</strong>: {lastError ? <>last error: {lastError.message} at {when(lastError.at)}</> : 'working'}
            </li>
          ))}
        </ul>
      )}
      {compatibility && (
        <p>
          <Button onClick={copy}>Copy report</Button>{' '}
          <span role="status" data-testid="compatibility-copied">
            {copied}
          </span>
        </p>
      )}
    </section>
  );
}
