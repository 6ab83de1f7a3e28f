import { describe, expect, it } from 'vitest';
import { measureAfterLayout } from '../../../components/overlay/after-layout';

/** A window whose ResizeObserver the test fires, as the browser does after a layout. */
function fakeWindow() {
  const observers: FakeObserver[] = [];
  class FakeObserver {
    observed = new Set<Element>();
    constructor(readonly callback: (entries: { target: Element }[]) => void) {
      observers.push(this);
    }
    observe(target: Element) {
      this.observed.add(target);
    }
    unobserve(target: Element) {
      this.observed.delete(target);
    }
    disconnect() {
      this.observed.clear();
    }
  }
  const view = { ResizeObserver: FakeObserver };
  const element = () => ({ ownerDocument: { defaultView: view } }) as unknown as Element;
  /** A layout that sized these elements: one callback with an entry each. */
  const layout = (...targets: Element[]) => {
    for (const o of observers) o.callback(targets.filter((t) => o.observed.has(t)).map((target) => ({ target })));
  };
  return { observers, element, layout };
}

describe('measure after layout', () => {
  it('one observer for every element of a window: all reads of a layout run before any write', () => {
    const { observers, element, layout } = fakeWindow();
    const order: string[] = [];
    const cells = ['a', 'b', 'c'].map((name) => {
      const cell = element();
      measureAfterLayout(cell, () => {
        order.push(`read ${name}`);
        return name === 'b' ? undefined : () => order.push(`write ${name}`);
      });
      return cell;
    });
    expect(observers).toHaveLength(1);
    // Nothing is read when watching starts: only once the browser has laid the cell out.
    expect(order).toEqual([]);
    layout(...cells);
    expect(order).toEqual(['read a', 'read b', 'read c', 'write a', 'write c']);
  });

  it('stops measuring an element when its last watcher stops', () => {
    const { observers, element, layout } = fakeWindow();
    const cell = element();
    const reads: string[] = [];
    const stopFirst = measureAfterLayout(cell, () => void reads.push('first'));
    const stopSecond = measureAfterLayout(cell, () => void reads.push('second'));
    stopFirst();
    layout(cell);
    expect(reads).toEqual(['second']);
    expect(observers[0]!.observed.has(cell)).toBe(true);
    stopSecond();
    expect(observers[0]!.observed.has(cell)).toBe(false);
    layout(cell);
    expect(reads).toEqual(['second']);
  });

  it('measures nothing where there is no layout engine', () => {
    const cell = { ownerDocument: { defaultView: {} } } as unknown as Element;
    let read = false;
    const stop = measureAfterLayout(cell, () => {
      read = true;
      return undefined;
    });
    stop();
    expect(read).toBe(false);
  });
});
