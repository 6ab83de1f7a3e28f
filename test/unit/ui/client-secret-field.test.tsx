// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeBackground } from './fake-background';

const background = vi.hoisted(() => ({ current: null as unknown as ReturnType<typeof import('./fake-background').makeBackground> }));
vi.mock('../../../utils/message-client', () => ({
  sendMessage: (...args: unknown[]) => (background.current.sendMessage as (...a: unknown[]) => unknown)(...args),
  subscribeWatches: (...args: unknown[]) => (background.current.subscribeWatches as (...a: unknown[]) => unknown)(...args),
}));
const { Options } = await import('../../../components/options/Options');

afterEach(() => cleanup());

describe('OAuth client secret field', () => {
  it('sends the secret to the background, clears the field and only says that one is saved', async () => {
    const bg = makeBackground({ settings: { authMode: 'oauth', oauthClientId: 'app-1' } });
    let stored = '';
    bg.handle('oauth.setClientSecret', ({ secret }: { secret: string }) => {
      stored = secret;
      return { ok: true, hasSecret: secret !== '' };
    });
    background.current = bg;
    render(<Options />);
    const user = userEvent.setup();
    const field = (await screen.findByLabelText('Client secret (only if your Procore app has one)')) as HTMLInputElement;
    expect(field.type).toBe('password');
    await screen.findByText(/None saved\./);
    await user.type(field, 's3cret');
    await user.click(screen.getByRole('button', { name: 'Save client secret' }));
    await screen.findByText('Client secret saved.');
    expect(stored).toBe('s3cret');
    expect(field.value).toBe('');
    expect(screen.getByText(/A secret is saved/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Remove client secret' }));
    await screen.findByText('Client secret removed.');
    expect(stored).toBe('');
  });
});
