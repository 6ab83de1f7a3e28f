// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OverlayServices } from '../../../components/overlay/overlay-context';

// The page overlays render with preact/compat (wxt.config.ts), whose passive effects wait for a
// frame: the dialogs are tested on that runtime, where a late focus shows. A key pressed between
// the paint and that frame (Enter right after the confirm shows) would land on the opener.
vi.mock('react', () => import('preact/compat'));
vi.mock('react/jsx-runtime', () => import('preact/compat/jsx-runtime'));
vi.mock('react/jsx-dev-runtime', () => import('preact/compat/jsx-dev-runtime'));
vi.mock('react-dom', () => import('preact/compat'));

let opener: HTMLButtonElement;
let host: HTMLElement;
beforeEach(() => {
  document.body.replaceChildren();
  opener = document.createElement('button');
  host = document.createElement('div');
  document.body.append(opener, host);
  opener.focus();
});

describe('focus in the page overlays’ dialogs, on their runtime', () => {
  it('ConfirmDialog has focus inside as soon as it is drawn, wherever focus starts', async () => {
    const { render } = await import('preact');
    const { ConfirmDialog } = await import('../../../components/common/ConfirmDialog');
    for (const initialFocus of ['first', 'confirm', 'dialog'] as const) {
      render(
        <ConfirmDialog title="Fill in & Export?" confirmLabel="Fill in & Export" onConfirm={() => undefined} onCancel={() => undefined} initialFocus={initialFocus}>
          <p>Check Number 1 → 2</p>
        </ConfirmDialog>,
        host,
      );
      expect(host.querySelector('[role="dialog"]')!.contains(document.activeElement), initialFocus).toBe(true);
      render(null, host);
      expect(document.activeElement, 'focus goes back to the opener').toBe(opener);
    }
  });

  it('Popover has focus as soon as it is drawn', async () => {
    const { render } = await import('preact');
    const { OverlayContext } = await import('../../../components/overlay/overlay-context');
    const { Popover } = await import('../../../components/overlay/Popover');
    const services = { layer: host } as OverlayServices;
    render(
      <OverlayContext.Provider value={services}>
        <Popover title="Why it failed" trigger={{ current: opener }} onClose={() => undefined}>
          <p>Check number 10042 is already used.</p>
        </Popover>
      </OverlayContext.Provider>,
      document.createElement('div'),
    );
    expect(host.querySelector('p')?.textContent).toBe('Check number 10042 is already used.');
    expect(host.contains(document.activeElement)).toBe(true);
  });
});
