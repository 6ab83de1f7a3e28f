import { describe, expect, it } from 'vitest';
import { batchLayout } from '../../../components/overlay/layout-batch';

describe('layout batch', () => {
  it('runs every read of a commit before any write, after the commit (one layout for all rows)', async () => {
    const order: string[] = [];
    for (const row of ['a', 'b', 'c']) {
      batchLayout(() => {
        order.push(`read ${row}`);
        return row === 'b' ? undefined : () => order.push(`write ${row}`);
      });
    }
    expect(order).toEqual([]);
    await Promise.resolve();
    expect(order).toEqual(['read a', 'read b', 'read c', 'write a', 'write c']);
  });

  it('a measure queued by a write runs in the next batch, not lost', async () => {
    const order: string[] = [];
    batchLayout(() => () => {
      order.push('write 1');
      batchLayout(() => {
        order.push('read 2');
        return undefined;
      });
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(order).toEqual(['write 1', 'read 2']);
  });
});
