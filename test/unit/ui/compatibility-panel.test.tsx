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
});
