import { useCallback, useSyncExternalStore } from 'react';
import { fillInput } from '../../utils/overlay/fill-input';
import { useOverlay } from '../../components/overlay/overlay-context';
import { findEditForm, openEditForm } from './edit-account-form';

export type EditStep =
  | { kind: 'idle' }
  | { kind: 'opening' }
  /** Procore's form is open with the number filled: the user saves it (or not). */
  | { kind: 'editing'; expected: number }
  | { kind: 'verifying'; expected: number }
  | { kind: 'done'; words: string; ok: boolean };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const WATCH_MS = 300;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const IDLE: EditStep = { kind: 'idle' };

// Each account's step outlives the row's overlay: Procore redraws the row once its Save lands (the
// new Next Check No.), which unmounts the overlay that pressed Apply; the outcome belongs to the
// account, so the redrawn row's overlay says it. Kept per overlay session (its backend).
interface Steps {
  steps: Map<string, EditStep>;
  listeners: Set<() => void>;
}
const sessions = new WeakMap<object, Steps>();
function stepsOf(session: object): Steps {
  let found = sessions.get(session);
  if (!found) sessions.set(session, (found = { steps: new Map(), listeners: new Set() }));
  return found;
}

/**
 * Apply of the check number advice, in Procore's own form: opens the account's Edit Account
 * Details with Check Number filled in; once the user has saved and the form has closed, asks the
 * background what Procore now holds (`fundingAccount.verify`) and says it. Closed without Save:
 * nothing changed, said so.
 */
export function useEditNextCheckNumber(fundingAccountId: string, label: string, readParts: () => Element[]) {
  const { backend, companyId, announce } = useOverlay();
  const { steps, listeners } = stepsOf(backend);
  const subscribe = useCallback(
    (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    [listeners],
  );
  const step = useSyncExternalStore(subscribe, () => steps.get(fundingAccountId) ?? IDLE);
  const setStep = (next: EditStep) => {
    steps.set(fundingAccountId, next);
    for (const listener of listeners) listener();
  };

  const verify = async (expected: number) => {
    setStep({ kind: 'verifying', expected });
    try {
      const { matches, nextCheckNumber } = await backend.send('fundingAccount.verify', { companyId, fundingAccountId, expected });
      const words = matches
        ? `Saved: Procore now holds Next Check No. ${expected} for ${label}`
        : `Not saved: Procore holds ${nextCheckNumber ?? 'no'} Next Check No. for ${label}, not ${expected}`;
      setStep({ kind: 'done', words, ok: matches });
      announce(words);
    } catch (error) {
      setStep({ kind: 'done', words: `Could not check what Procore holds: ${errorText(error)}`, ok: false });
    }
  };

  const apply = async (expected: number) => {
    setStep({ kind: 'opening' });
    const opened = await openEditForm(document, readParts(), wait);
    if (typeof opened === 'string') {
      setStep({ kind: 'done', words: `Not opened: ${opened}`, ok: false });
      return;
    }
    fillInput(opened.checkNumber, String(expected));
    opened.checkNumber.focus();
    setStep({ kind: 'editing', expected });
    announce(`Check Number ${expected} is filled in Edit Account Details: press Save to keep it.`);
    let saved = false;
    opened.form.addEventListener('submit', () => (saved = true), { capture: true });
    // Procore closes its form once it has saved (or the user cancels): then it is time to read.
    while (opened.form.isConnected && findEditForm(document)?.form === opened.form) await wait(WATCH_MS);
    if (saved) await verify(expected);
    else setStep({ kind: 'done', words: 'Edit Account Details was closed without Save: nothing changed.', ok: false });
  };

  return { step, apply };
}
