import { describe, expect, it } from 'vitest';
import { filterValues, updatedAtRange } from '../../../test/sim/api/filters';
import { SimHttpError } from '../../../test/sim/sim-error';

const url = (query: string) => new URL(`http://sandbox.test/x?${query}`);
const at = (iso: string) => Date.parse(iso);

describe('filters[...] as Procore writes them', () => {
  it('collects repeatable [] values and single values', () => {
    expect(filterValues(url('filters[status][]=a&filters[status][]=b'), 'status')).toEqual(['a', 'b']);
    expect(filterValues(url('filters[status]=c'), 'status')).toEqual(['c']);
    expect(filterValues(url('filters[item_id][]='), 'item_id')).toEqual([]);
  });

  it('updated_at ranges include whole seconds at both ends, and may be open', () => {
    const closed = updatedAtRange(url(`filters[updated_at]=${encodeURIComponent('2026-11-20T10:00:00Z...2026-11-20T11:00:00Z')}`))!;
    expect(closed(at('2026-11-20T10:00:00.000Z'))).toBe(true);
    expect(closed(at('2026-11-20T11:00:00.999Z'))).toBe(true);
    expect(closed(at('2026-11-20T11:00:01.000Z'))).toBe(false);
    expect(closed(at('2026-11-20T09:59:59.999Z'))).toBe(false);
    const from = updatedAtRange(url(`filters[updated_at]=${encodeURIComponent('2026-11-20T10:00:00Z...')}`))!;
    expect(from(at('2030-01-01T00:00:00Z'))).toBe(true);
    expect(from(at('2026-11-20T09:00:00Z'))).toBe(false);
    expect(updatedAtRange(url('x=1'))).toBeUndefined();
  });

  it('a range that is not <iso>...<iso> is a 422', () => {
    for (const raw of ['yesterday...today', '2026-11-20T10:00:00Z', '2026-11-20...2026-11-21...2026-11-22']) {
      try {
        updatedAtRange(url(`filters[updated_at]=${encodeURIComponent(raw)}`));
        expect.unreachable(raw);
      } catch (error) {
        expect(error).toBeInstanceOf(SimHttpError);
        expect((error as SimHttpError).status).toBe(422);
      }
    }
  });
});
