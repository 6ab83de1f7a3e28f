import { formatCents } from '../../utils/domain/money';

export function Money({ cents }: { cents: number }) {
  return <span className="money">{formatCents(cents)}</span>;
}
