// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnrecognisedMessage } from '../../../components/common/UnrecognisedMessage';
import { makeWatch } from '../fixtures/make-watch';

afterEach(() => cleanup());

const failed = makeWatch({
  state: 'failed',
  diagnosis: { cause: 'UNKNOWN', summary: 'QuickBooks Online refused the payment record for a reason the extension does not recognise.', retryable: false },
  request: { id: 'r1', status: 'failed', messages: ['Vendor Acme Drywall: payment of $4,500.00 on INV-2291 held by rule 77 "Owner review"'], updatedAt: 1 },
});

describe('an ERP message the classifier does not recognise', () => {
  it("shows the ERP's own words in full, says it does not know them yet, and what the user can still do", () => {
    render(<UnrecognisedMessage watch={failed} />);
    expect(screen.getByText('ERP Sync Watch does not recognise this message yet.')).toBeTruthy();
    expect(screen.getByText('Vendor Acme Drywall: payment of $4,500.00 on INV-2291 held by rule 77 "Owner review"')).toBeTruthy();
    expect(screen.getByText(/export it again unchanged/)).toBeTruthy();
    expect(screen.getByText(/contact\s+support/)).toBeTruthy();
  });

  it('once escalated, offers no unchanged export any more, only support', () => {
    render(<UnrecognisedMessage watch={{ ...failed, state: 'escalate' }} />);
    expect(screen.queryByText(/export it again unchanged/)).toBeNull();
    expect(screen.getByText(/contact support/)).toBeTruthy();
  });

  it('"Copy for us" copies the message with amounts, names and numbers masked, and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    render(<UnrecognisedMessage watch={failed} />);
    await user.click(screen.getByRole('button', { name: 'Copy for us' }));
    expect(writeText).toHaveBeenCalledWith('ERP: QuickBooks Online\nVendor [name]: payment of [amount] on [name] held by rule [number] "[name]"');
    expect((await screen.findByRole('status')).textContent).toBe('Copied, with amounts, names and numbers masked.');
  });

  it('says so in words when the clipboard refuses', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('Document is not focused.'));
    render(<UnrecognisedMessage watch={failed} />);
    await user.click(screen.getByRole('button', { name: 'Copy for us' }));
    expect((await screen.findByRole('status')).textContent).toBe('Could not copy: Document is not focused.');
  });
});
