import { useEffect, useState } from 'react';
import { capabilityAdvice, SOURCE_WORDS } from '../../utils/domain/capability';
import type { CapabilityView } from '../../utils/messaging';
import { sendMessage } from '../../utils/message-client';

/**
 * The Compatibility panel in one line: how disbursements are followed now, and, until a source
 * does it, what the user can do ("Open the Payments tool once ...").
 */
export function CompatibilityLine() {
  const [discovery, setDiscovery] = useState<CapabilityView | null>(null);
  useEffect(() => {
    sendMessage('compatibility.get', {}).then(
      (c) => setDiscovery(c.capabilities?.find((x) => x.id === 'discover_disbursements') ?? null),
      // The line is a help, not the popup's job: without it, the rest still works.
      () => setDiscovery(null),
    );
  }, []);
  if (!discovery) return null;
  const advice = capabilityAdvice(discovery.id, discovery);
  return (
    <p className="muted compatibility-line" data-testid="compatibility-line" data-source={discovery.source}>
      Disbursements: {SOURCE_WORDS[discovery.source]}.{advice ? ` ${advice}` : ''}{' '}
      <a href="/options.html#compatibility" target="_blank" rel="noreferrer">
        Compatibility
      </a>
    </p>
  );
}
