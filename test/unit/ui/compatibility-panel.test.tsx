// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Compatibility } from '../../../utils/messaging';

const reply = vi.hoisted(() => ({ current: null as unknown as () => Promise<unknown> }));
vi.mock('../../../utils/message-client', () => ({
  sendMessage: (name: string) => (name === 'compatibility.get' ? reply.current() : Promise.reject(new Error(`no handler for ${name}`))),
}));
const { CompatibilityPanel } = await import('../../../components/options/CompatibilityPanel');

afterEach(() => cleanup());

describe('Compatibility panel', () => {
  it('lists each page feature as working or with its last error and when', async () => {
    const at = Date.UTC(2026, 10, 20, 15, 0);
    const compatibility: Compatibility = {
      features: [
        { id: 'disbursement-badges', name: 'Disbursements tab: sync badges', lastError: null },
        { id: 'preflight', name: 'Pre-flight checks', lastError: { message: 'grid changed', at } },
      ],
    };
    reply.current = async () => compatibility;
    render(<CompatibilityPanel />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Disbursements tab: sync badges: working',
      `Pre-flight checks: last error: grid changed at ${new Date(at).toLocaleString()}`,
    ]);
    expect(items[1]!.querySelector('time')!.getAttribute('datetime')).toBe(new Date(at).toISOString());
    expect(screen.getByRole('heading', { name: 'Compatibility' })).toBeTruthy();
  });

  it('says in words when the background cannot answer', async () => {
    reply.current = () => Promise.reject(new Error('The extension\'s background did not answer.'));
    render(<CompatibilityPanel />);
    expect((await screen.findByRole('alert')).textContent).toContain("Compatibility could not be read: The extension's background did not answer.");
  });

  it('shows each capability, how it is met, when it last worked and what to do, and copies the redacted report', async () => {
    const at = Date.UTC(2026, 10, 20, 15, 0);
    reply.current = async () => ({
      features: [],
      extensionVersion: '9.9.9',
      capabilities: [
        { id: 'discover_disbursements', source: 'not_yet', lastOkAt: null, unavailableIn: 0 },
        { id: 'read_export_status', source: 'public_api', lastOkAt: at, unavailableIn: 1 },
        { id: 'read_payouts', source: 'learned', lastOkAt: at, unavailableIn: 0 },
      ],
      learned: [],
    });
    const writeText = vi.fn<(text: string) => Promise<void>>(async () => undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    render(<CompatibilityPanel />);
    const rows = await screen.findAllByRole('row');
    expect(rows.slice(1).map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Discover disbursements', 'not yet', 'never', 'Open the Payments tool once so ERP Sync Watch can follow your disbursements.'],
      ['Read export status', 'public API (refused in 1 company)', new Date(at).toLocaleString(), 'Your Procore does not let this account read export results: failures will show when you open ERP Integrations.'],
      ["Read a disbursement's payouts", 'learned from your Procore pages', new Date(at).toLocaleString(), 'Nothing needed.'],
    ]);
    screen.getByRole('button', { name: 'Copy report' }).click();
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const report = JSON.parse(writeText.mock.calls[0]![0]) as { extensionVersion: string; capabilities: Record<string, { source: string }> };
    expect(report.extensionVersion).toBe('9.9.9');
    expect(report.capabilities.discover_disbursements!.source).toBe('not_yet');
    expect((await screen.findByTestId('compatibility-copied')).textContent).toContain('no names, amounts or ids');
  });
});
