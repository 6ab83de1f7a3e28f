import { useId, useState } from 'react';
import { maskErpMessage } from '../../utils/domain/mask-message';
import { reexportCure } from '../../utils/domain/reexport-cure';
import type { Watch } from '../../utils/domain/watch';
import { Button } from './Button';

/** The names and numbers the extension knows for this payment, masked even where not quoted. */
const knownNames = (watch: Watch): string[] =>
  [watch.beneficiaryName, watch.invoiceNumber, watch.disbursementNumber, watch.bankId, watch.checkNumber === null ? '' : String(watch.checkNumber)].filter(Boolean);

/**
 * A failure whose ERP message the classifier does not recognise (cause UNKNOWN), said honestly:
 * the ERP's own words in full, that we do not know them yet, what the user can still do, and
 * "Copy for us": the message with amounts, names and numbers masked, ready to send. Whether an
 * unchanged export is still worth a try is reexportCure's to say, as for every other cause.
 */
export function UnrecognisedMessage({ watch }: { watch: Watch }) {
  const headingId = useId();
  const [status, setStatus] = useState('');
  const messages = watch.request?.messages.filter((m) => m.trim() !== '') ?? [];
  const copy = async () => {
    const masked = [`ERP: ${watch.erpName}`, ...messages.map((m) => maskErpMessage(m, knownNames(watch)))].join('\n');
    try {
      await navigator.clipboard.writeText(masked);
      setStatus('Copied, with amounts, names and numbers masked.');
    } catch (error) {
      setStatus(`Could not copy: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <section className="unrecognised" aria-labelledby={headingId}>
      <p id={headingId}>
        <strong>ERP Sync Watch does not recognise this message yet.</strong>
      </p>
      {messages.length > 0 ? (
        <blockquote className="erp-words">
          <p className="muted">{watch.erpName} said:</p>
          {messages.map((m, i) => (
            <p key={i}>{m}</p>
          ))}
        </blockquote>
      ) : (
        <p>{watch.erpName} gave no message.</p>
      )}
      {reexportCure(watch.state, watch.diagnosis).kind === 'unchanged-only' ? (
        <p>
          What you can still do: export it again unchanged with Procore&apos;s Export in ERP Integrations, Failed to Export
          (the only thing left to try: a passing fault clears that way), or copy the message for us and contact support with it.
        </p>
      ) : (
        <p>What you can still do: copy the message for us and contact support with it.</p>
      )}
      <Button small onClick={() => void copy()} aria-describedby={headingId}>
        Copy for us
      </Button>
      <span role="status" aria-live="polite">
        {status}
      </span>
    </section>
  );
}
