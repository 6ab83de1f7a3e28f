import { describe, expect, it } from 'vitest';
import { ContractPaymentSchema } from '../../../utils/domain/schemas/contract-payment';
import { parseJsonExact } from '../../../utils/procore/exact-json';

describe('parseJsonExact', () => {
  it('keeps a 64-bit id given as a JSON number exact, as its decimal string', () => {
    const raw = '[{"id": 9223372036854775807, "requisition_id": 18014398509481985, "amount": "12.50", "note": "id 9223372036854775807 in text"}]';
    // Plain JSON.parse rounds both ids: the test would pass for nothing if it did not.
    expect(String((JSON.parse(raw) as { id: number }[])[0]!.id)).not.toBe('9223372036854775807');
    const [record] = parseJsonExact(raw) as Record<string, unknown>[];
    expect(record).toEqual({ id: '9223372036854775807', requisition_id: '18014398509481985', amount: '12.50', note: 'id 9223372036854775807 in text' });
    expect(ContractPaymentSchema.parse(record).id).toBe('9223372036854775807');
  });

  it('leaves safe integers, decimals, exponents and escaped quotes alone', () => {
    const raw = '{"a": 42, "b": -7, "c": 1.5e300, "d": 12345678901234567890.5, "e": "say \\"99999999999999999999\\"", "f": [9007199254740991]}';
    expect(parseJsonExact(raw)).toEqual(JSON.parse(raw));
  });

  it('keeps a negative 64-bit integer and throws on text that is not JSON', () => {
    expect(parseJsonExact('-9223372036854775808')).toBe('-9223372036854775808');
    expect(() => parseJsonExact('{"a": 1')).toThrow();
  });
});
