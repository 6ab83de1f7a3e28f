import { vi } from 'vitest';
import type { EngineStatus, MessageName, WatchChange } from '../../../utils/messaging';
import { defaultSettings, type Settings } from '../../../utils/domain/settings';
import type { Watch } from '../../../utils/domain/watch';

/**
 * A stand-in background for component tests: answers the message client from tables and lets
 * the test push live changes, as the `watches` port would.
 */
export function makeBackground(
  initial: { watches?: Watch[]; status?: Partial<EngineStatus>; settings?: Partial<Settings>; locked?: (keyof Settings)[] } = {},
) {
  const listeners: ((change: WatchChange) => void)[] = [];
  const status: EngineStatus = {
    signedIn: true,
    lastPollAt: 0,
    lastError: null,
    watchedCompanies: [
      { id: '8089', name: 'Builder Co', erpName: 'QuickBooks Online', paymentSyncEnabled: true },
      { id: '9001', name: 'Other Co', erpName: 'Sage Intacct', paymentSyncEnabled: true },
    ],
    clockOffsetMs: 0,
    ...initial.status,
  };
  let settings: Settings = { ...defaultSettings(), ...initial.settings };
  const locked = initial.locked ?? [];
  const handlers: Partial<Record<MessageName, (payload: never) => unknown>> = {
    'settings.get': () => ({ settings, locked }),
    'settings.update': ({ patch }: { patch: Partial<Settings> }) => {
      settings = { ...settings, ...patch };
      return { settings, locked };
    },
    'status.get': () => status,
    'watches.list': ({ states }: { states?: string[] }) => (initial.watches ?? []).filter((w) => !states || states.includes(w.state)),
    'history.list': () => initial.watches ?? [],
    'compatibility.get': () => ({ features: [] }),
    'connection.test': () => ({ me: { id: '1', login: 'ap@builder.com', name: 'Ana Park' }, companies: [{ id: '8089', name: 'Builder Co' }, { id: '9001', name: 'Other Co' }] }),
  };
  const sendMessage = vi.fn(async (name: MessageName, payload: unknown) => {
    const handler = handlers[name];
    if (!handler) throw new Error(`no handler for ${name}`);
    return handler(payload as never);
  });
  const subscribeWatches = vi.fn((onChange: (change: WatchChange) => void) => {
    listeners.push(onChange);
    return () => listeners.splice(listeners.indexOf(onChange), 1);
  });
  return {
    sendMessage,
    subscribeWatches,
    handle<N extends MessageName>(name: N, handler: (payload: never) => unknown) {
      handlers[name] = handler;
    },
    push(change: WatchChange) {
      for (const listener of [...listeners]) listener(change);
    },
  };
}

/** jsdom lays nothing out: give the list a viewport and every row a height, so virtualizing is real. */
export function fakeLayout(viewport = 580, rowHeight = 128) {
  const proto = HTMLElement.prototype;
  const client = Object.getOwnPropertyDescriptor(proto, 'clientHeight');
  const offset = Object.getOwnPropertyDescriptor(proto, 'offsetHeight');
  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('watch-list') ? viewport : 0;
    },
  });
  Object.defineProperty(proto, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.index !== undefined ? rowHeight : 0;
    },
  });
  return () => {
    if (client) Object.defineProperty(proto, 'clientHeight', client);
    if (offset) Object.defineProperty(proto, 'offsetHeight', offset);
  };
}
