import type { WatchChange } from '../../messaging';

export interface PortLike {
  postMessage(message: unknown): void;
}

/** The open `watches` ports; every change the engine stores is pushed to each of them. */
export class WatchHub {
  readonly #ports = new Set<PortLike>();

  add(port: PortLike): void {
    this.#ports.add(port);
  }

  remove(port: PortLike): void {
    this.#ports.delete(port);
  }

  has(port: PortLike): boolean {
    return this.#ports.has(port);
  }

  publish(change: WatchChange): void {
    if (change.type === 'upsert' && change.watches.length === 0) return;
    if (change.type === 'remove' && change.payoutIds.length === 0) return;
    for (const port of this.#ports) {
      try {
        port.postMessage(change);
      } catch {
        // The page went away between its disconnect and our post: forget the port.
        this.#ports.delete(port);
      }
    }
  }
}
