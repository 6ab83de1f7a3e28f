import { useEffect, useRef, useState } from 'react';
import { checkNumberAdviceLine, checkNumberAdviceWhy } from '../../utils/domain/check-number-words';
import { fundingAccountClear, fundingAccountProblems } from '../../utils/domain/funding-account-health';
import type { CheckNumberRecommendation } from '../../utils/messaging';
import type { FundingAccountRowData } from '../../utils/page/funding-accounts-grid';
import { ChangeConfirm } from '../../components/overlay/ChangeConfirm';
import { useOverlay } from '../../components/overlay/overlay-context';
import { PopoverPill } from '../../components/overlay/PopoverPill';
import { StatusPill } from '../../components/overlay/StatusPill';
import { useRoomBesideText } from '../../components/overlay/use-room-beside-text';
import { useWatchStore } from '../../components/overlay/use-watches';

type Load = { kind: 'loading' } | { kind: 'ready'; advice: CheckNumberRecommendation } | { kind: 'error'; message: string };
type Step = 'idle' | 'confirm' | 'saving' | 'applied';

/** Funding accounts: beside Next Check No., the recommendation and **Apply**. */
export function CheckNumberAdvice({ row }: { row: FundingAccountRowData }) {
  const { backend, companyId, announce } = useOverlay();
  const store = useWatchStore();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [step, setStep] = useState<Step>('idle');
  const [failure, setFailure] = useState<string | null>(null);
  const inside = useRef<HTMLSpanElement>(null);
  // The words where they fit beside Procore's number, else the icon (the words stay its name).
  const form = useRoomBesideText(inside, 2, `${load.kind}${step}`);

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

  if (load.kind === 'loading') return null;
  if (load.kind === 'error') {
    return <StatusPill view={{ text: 'No advice', label: `No check number advice: ${load.message}`, tone: 'muted', icon: '…' }} />;
  }
  const { advice } = load;
  const apply = async () => {
    setStep('saving');
    try {
      const saved = await backend.send('fundingAccount.setNextCheckNumber', {
        companyId,
        fundingAccountId: row.fundingAccountId,
        nextCheckNumber: advice.nextCheckNumber,
      });
      setStep('applied');
      setFailure(null);
      announce(`Next Check No. of ${row.nickname || row.bankId} is now ${saved.nextCheckNumber}`);
    } catch (error) {
      setStep('idle');
      setFailure(`Not applied: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  // "Clear" only when nothing known is wrong with the account: its Bank ID and its payments too.
  const problems = fundingAccountProblems({ bankId: row.bankId, erpName: advice.erpName, erpBankIds: advice.erpBankIds, watches: store.forFundingAccount(row.fundingAccountId) });
  const clear = fundingAccountClear(advice, problems);
  const why = checkNumberAdviceWhy(advice, { erpName: advice.erpName, fieldDigits: advice.fieldDigits });
  const text = [...problems, checkNumberAdviceLine(advice)].join('. ');
  const warn = (advice.changeNeeded || !clear) && step !== 'applied';
  const result = step === 'applied' ? `Applied: Next Check No. is ${advice.nextCheckNumber}` : (failure ?? '');
  return (
    <span className="row-line" data-testid="esw-advice" ref={inside}>
      <PopoverPill
        view={{
          hint: form > 0 ? text : undefined,
          text: form > 0 ? '' : step === 'applied' ? `Applied: ${advice.nextCheckNumber}` : advice.changeNeeded ? `Use ${advice.nextCheckNumber}` : clear ? 'Clear' : problems.length ? 'Needs attention' : 'No safe number',
          label: text,
          tone: warn ? 'warn' : 'ok',
          icon: warn ? '⚠' : '✓',
        }}
        title={`Next Check No. of ${row.nickname || row.bankId}`}
      >
        {problems.map((problem) => (
          <p key={problem}>{problem}.</p>
        ))}
        <p>{checkNumberAdviceLine(advice)}.</p>
        {why ? <p>{why}</p> : null}
        {advice.changeNeeded && step !== 'applied' ? (
          <button type="button" className="btn btn-primary" disabled={step === 'saving'} onClick={() => setStep('confirm')}>
            {step === 'saving' ? 'Applying…' : `Apply: start at ${advice.nextCheckNumber}`}
          </button>
        ) : null}
        <p role="status">{result}</p>
      </PopoverPill>
      <span className="sr-only" role="status" aria-live="polite">
        {result}
      </span>
      {step === 'confirm' ? (
        <ChangeConfirm
          title={`Change Next Check No. of ${row.nickname || row.bankId}?`}
          changes={[{ field: 'Next Check No.', from: String(advice.currentNextCheckNumber), to: String(advice.nextCheckNumber) }]}
          note="New payouts from this account will be numbered from the new value."
          confirmLabel="Apply"
          onConfirm={() => void apply()}
          onCancel={() => setStep('idle')}
        />
      ) : null}
    </span>
  );
}
