import { capabilityAdvice, SOURCE_WORDS } from '../../utils/domain/capability';
import type { CapabilityView } from '../../utils/messaging';

/**
 * The Compatibility panel in one line: how disbursements are followed now, and, until a source
 * does it, what the user can do ("Open the Payments tool once ...").
 */
export function CompatibilityLine({ discovery }: { discovery: Pick<CapabilityView, 'source' | 'unavailableIn'> | null }) {
  if (!discovery) return null;
  const advice = capabilityAdvice('discover_disbursements', discovery);
  return (
    <p className="muted compatibility-line" data-testid="compatibility-line" data-source={discovery.source}>
      Disbursements: {SOURCE_WORDS[discovery.source]}.{advice ? ` ${advice}` : ''}{' '}
      <a href="/options.html#compatibility" target="_blank" rel="noreferrer">
        Compatibility
      </a>
    </p>
  );
}
