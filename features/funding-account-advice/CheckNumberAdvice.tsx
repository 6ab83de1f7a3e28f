import { useEffect, useState } from 'react';
import type { CheckNumberRecommendation } from '../../utils/messaging';
import type { FundingAccountRowData } from '../../utils/page/funding-accounts-grid';
import { ChangeConfirm } from '../../components/overlay/ChangeConfirm';
import { useOverlay } from '../../components/overlay/overlay-context';
import { PopoverPill } from '../../components/overlay/PopoverPill';
import { StatusPill } from '../../components/overlay/StatusPill';

type Load = { kind: 'loading' } | { kind: 'ready'; advice: CheckNumberRecommendation } | { kind: 'error'; message: string };
type Step = 'idle' | 'confirm' | 'saving' | 'applied';

const count = (n: number) => n.toLocaleString('en-US');

/** The advice in words: "ERP's last check is 100: start at 10000, room for 9,900 checks". */
export function adviceText(advice: CheckNumberRecommendation): string {
  if (advice.erpLastCheckNumber === null) return "The ERP does not report its last check number: keep Next Check No. well above the ERP's own checks.";
  const room = `room for ${count(advice.headroom)} checks`;
  if (!advice.changeNeeded) return `ERP's last check is ${advice.erpLastCheckNumber}: ${advice.currentNextCheckNumber} is clear, ${room}`;
  return `ERP's last check is ${advice.erpLastCheckNumber}: start at ${advice.nextCheckNumber}, ${room}`;
}

/** Funding accounts: beside Next Check No., the recommendation and **Apply**. */
export function CheckNumberAdvice({ row }: { row: FundingAccountRowData }) {
  const { backend, companyId, announce } = useOverlay();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [step, setStep] = useState<Step>('idle');
  const [failure, setFailure] = useState<string | null>(null);

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
  const text = adviceText(advice);
  const result = step === 'applied' ? `Applied: Next Check No. is ${advice.nextCheckNumber}` : (failure ?? '');
  return (
    <span className="row-line" data-testid="esw-advice">
      <PopoverPill
        view={{
          text: step === 'applied' ? `Applied: ${advice.nextCheckNumber}` : advice.changeNeeded ? `Use ${advice.nextCheckNumber}` : 'Clear',
          label: text,
          tone: advice.changeNeeded && step !== 'applied' ? 'warn' : 'ok',
          icon: advice.changeNeeded && step !== 'applied' ? '⚠' : '✓',
        }}
        title={`Next Check No. of ${row.nickname || row.bankId}`}
      >
        <p>{text}.</p>
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
