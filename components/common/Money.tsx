import { formatCents } from '../../utils/view/money';

export function Money({ cents }: { cents: number }) {
  return <span className="money">{formatCents(cents)}</span>;
}
