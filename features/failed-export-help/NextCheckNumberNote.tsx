import type { Watch } from '../../utils/domain/watch';
import { EDIT_HASH_KEY } from '../../utils/page/hash-id';
import { pageLinks } from '../../utils/page/routes';
import { useOverlay } from '../../components/overlay/overlay-context';

/**
 * A duplicate check number whose cure also needs the funding account's Next Check Number moved
 * (else the next payouts collide too): said beside the fix, with a link to Payments Settings
 * where that account's Edit Account Details opens with the number filled in.
 */
export function NextCheckNumberNote({ watch, nextCheckNumber }: { watch: Watch; nextCheckNumber: number }) {
  const { href, companyId } = useOverlay();
  const link = `${pageLinks.fundingAccounts(href, companyId)}#${EDIT_HASH_KEY}=${encodeURIComponent(watch.fundingAccountId)}`;
  return (
    <span>
      Also move the account&apos;s Next Check Number to {nextCheckNumber}, or the next payouts will collide too:{' '}
      <a href={link}>Edit it in Payments Settings</a>
    </span>
  );
}
