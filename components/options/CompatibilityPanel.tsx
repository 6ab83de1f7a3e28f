import { useEffect, useState } from 'react';
import type { Compatibility } from '../../utils/messaging';
import { sendMessage } from '../../utils/message-client';
import { Notice } from '../common/Notice';

/**
 * How each page feature fares on this Procore: working, or the last error it reported (a feature
 * that throws is stopped on its page; the others keep working). Fed by one message.
 */
export function CompatibilityPanel() {
  const [compatibility, setCompatibility] = useState<Compatibility | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    sendMessage('compatibility.get', {}).then(setCompatibility, (error: unknown) =>
      setProblem(`Compatibility could not be read: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, []);
  return (
    <section id="compatibility" aria-labelledby="compatibility-title" className="card">
      <h2 id="compatibility-title">Compatibility</h2>
      <p className="hint">What ERP Sync Watch adds to Procore&apos;s pages, and whether it last worked.</p>
      {problem && <Notice tone="danger" title={problem} />}
      {compatibility && (
        <ul className="compatibility-list">
          {compatibility.features.map(({ id, name, lastError }) => (
            <li key={id}>
              <strong>{name}</strong>:{' '}
              {lastError ? (
                <>
                  last error: {lastError.message} at <time dateTime={new Date(lastError.at).toISOString()}>{new Date(lastError.at).toLocaleString()}</time>
                </>
              ) : (
                'working'
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
