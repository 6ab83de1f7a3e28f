import { useEffect, useRef, useState } from 'react';
import { checkNumberAdviceLine, checkNumberAdviceWhy } from '../../utils/domain/check-number-words';
import { fundingAccountClear, fundingAccountProblems } from '../../utils/domain/funding-account-health';
import type { CheckNumberRecommendation } from '../../utils/messaging';
import type { FundingAccountRowData } from '../../utils/page/funding-accounts-grid';
import { useOverlay } from '../../components/overlay/overlay-context';
import { PopoverPill } from '../../components/overlay/PopoverPill';
import { StatusPill } from '../../components/overlay/StatusPill';
import { useRoomBesideText } from '../../components/overlay/use-room-beside-text';
import { useWatchStore } from '../../components/overlay/use-watches';
import { EDIT_HASH_KEY, idFromHash } from '../../utils/page/hash-id';
import { useEditNextCheckNumber } from './use-edit-next-check-number';

type Load = { kind: 'loading' } | { kind: 'ready'; advice: CheckNumberRecommendation } | { kind: 'error'; message: string };
/**
 * Funding accounts: beside Next Check No., the recommendation and **Apply**, which opens Procore's
 * Edit Account Details with the number filled in (`#esw-edit=<account>` in the URL does the same
 * on arrival, from a duplicate check number's fix); the user saves, the extension then reads what
 * Procore holds and says whether it took.
 */
export function CheckNumberAdvice({ row, readParts }: { row: FundingAccountRowData; readParts: () => Element[] }) {
  const { backend, companyId } = useOverlay();
  const store = useWatchStore();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const label = row.nickname || row.bankId;
  const { step, apply } = useEditNextCheckNumber(row.fundingAccountId, label, readParts);
  const inside = useRef<HTMLSpanElement>(null);
  // The words where they fit beside Procore's number, else the icon (the words stay its name).
  const form = useRoomBesideText(inside, 2, `${load.kind}${step.kind}`);

  useEffect(() => {
    let live = true;
    backend.send('checkNumbers.recommend', { companyId, fundingAccountId: row.fundingAccountId }).then(
      (advice) => live && setLoad({ kind: 'ready', advice }),
      (error: unknown) => live && setLoad({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [backend, companyId, row.fundingAccountId, row.nextCheckNumber]);

  // Asked for by link: open the form once the advice says which number.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current || load.kind !== 'ready' || !load.advice.changeNeeded) return;
    if (idFromHash(location.hash, EDIT_HASH_KEY) !== row.fundingAccountId) return;
    asked.current = true;
    void apply(load.advice.nextCheckNumber);
  }, [load, row.fundingAccountId, apply]);

  if (load.kind === 'loading') return null;
  if (load.kind === 'error') {
    return <StatusPill view={{ text: 'No advice', label: `No check number advice: ${load.message}`, tone: 'muted', icon: '…' }} />;
  }
  const { advice } = load;
  const applied = step.kind === 'done' && step.ok;
  const working = step.kind === 'opening' || step.kind === 'editing' || step.kind === 'verifying';
  // "Clear" only when nothing known is wrong with the account: its Bank ID and its payments too.
  const problems = fundingAccountProblems({ bankId: row.bankId, erpName: advice.erpName, erpBankIds: advice.erpBankIds, watches: store.forFundingAccount(row.fundingAccountId) });
  const clear = fundingAccountClear(advice, problems);
  const why = checkNumberAdviceWhy(advice, { erpName: advice.erpName, fieldDigits: advice.fieldDigits });
  const text = [...problems, checkNumberAdviceLine(advice)].join('. ');
  const warn = (advice.changeNeeded || !clear) && !applied;
  const result =
    step.kind === 'done'
      ? step.words
      : step.kind === 'editing'
        ? `Check Number ${step.expected} is filled in Edit Account Details: press Save there to keep it`
        : step.kind === 'verifying'
          ? 'Checking what Procore saved…'
          : '';
  return (
    <span className="row-line" data-testid="esw-advice" ref={inside}>
      <PopoverPill
        view={{
          hint: form > 0 ? text : undefined,
          text: form > 0 ? '' : applied ? `Saved: ${advice.nextCheckNumber}` : advice.changeNeeded ? `Use ${advice.nextCheckNumber}` : clear ? 'Clear' : problems.length ? 'Needs attention' : 'No safe number',
          label: text,
          tone: warn ? 'warn' : 'ok',
          icon: warn ? '⚠' : '✓',
        }}
        title={`Next Check No. of ${label}`}
      >
        {(close) => (
          <>
            {problems.map((problem) => (
              <p key={problem}>{problem}.</p>
            ))}
            <p>{checkNumberAdviceLine(advice)}.</p>
            {why ? <p>{why}</p> : null}
            {advice.changeNeeded && !applied ? (
              <button
                type="button"
                className="btn btn-primary"
                disabled={working}
                title="Opens Procore's Edit Account Details with this Check Number filled in: you press Save"
                onClick={() => {
                  close();
                  void apply(advice.nextCheckNumber);
                }}
              >
                {working ? 'In Edit Account Details…' : `Apply: start at ${advice.nextCheckNumber}`}
              </button>
            ) : null}
            <p role="status">{result}</p>
          </>
        )}
      </PopoverPill>
      <span className="sr-only" role="status" aria-live="polite">
        {result}
      </span>
    </span>
  );
}
