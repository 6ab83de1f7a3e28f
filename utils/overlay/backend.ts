import type { MessageName, Replies, RequestOf, WatchChange } from '../messaging';

/**
 * What overlays may ask of the background: its messages and its live watch changes. The
 * content scripts pass `utils/message-client.ts`; unit tests pass a fake.
 */
export interface Backend {
  send<N extends MessageName>(name: N, payload: RequestOf<N>): Promise<Replies[N]>;
  subscribe(onChange: (change: WatchChange) => void, onDisconnect?: () => void): () => void;
  /** The background's `fix.focus` (a record's fix asked for from the popup or a notification), validated. */
  onFixFocus?(onFocus: (payoutId: string) => void): () => void;
}
