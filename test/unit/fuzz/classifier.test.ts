import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAUSES } from '../../../utils/domain/cause';
import { CONNECTORS } from '../../../utils/domain/schemas/erp-settings';
import { classifyWithWords } from '../fixtures/failure-words';

// Words with no signal for any cause: no subject (check, bank, vendor, bill, tax, period...) and
// no predicate (used, invalid, closed, timeout...).
const NEUTRAL = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'green', 'river', 'apple', 'table', 'quiet', 'north', 'kitten', 'orbit', 'violin', 'Élan', 'über', '東京', 'ok'];
const neutralText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...NEUTRAL),
      fc.integer({ min: 0, max: 99_999 }).filter((n) => n !== 429).map(String),
      fc.constantFrom(',', ';', ':', '(', ')', '-', '"', "'", ' ', '  ', '\t'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(' '));

describe('the failure classifier on arbitrary text', () => {
  it('never throws and always answers a known cause with a sentence', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), { maxLength: 5 }),
        fc.option(fc.constantFrom(...CONNECTORS), { nil: undefined }),
        fc.boolean(),
        (messages, connector, stale) => {
          const diagnosis = classifyWithWords({ messages, connector, stale });
          expect(CAUSES).toContain(diagnosis.cause);
          expect(diagnosis.summary.trim()).not.toBe('');
          expect(typeof diagnosis.retryable).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives UNKNOWN for text with no signal', () => {
    fc.assert(
      fc.property(fc.array(neutralText, { maxLength: 4 }), fc.option(fc.constantFrom(...CONNECTORS), { nil: undefined }), (messages, connector) => {
        expect(classifyWithWords({ messages, connector }).cause).toBe('UNKNOWN');
      }),
      { numRuns: 300 },
    );
  });

  it('survives input that is not what the type says (a connector passes anything through)', () => {
    const junk = fc.anything({ maxDepth: 2 });
    fc.assert(
      fc.property(junk, junk, junk, (messages, payout, accounts) => {
        const diagnosis = classifyWithWords({ messages, payout, erpBankAccounts: accounts } as never);
        expect(CAUSES).toContain(diagnosis.cause);
      }),
      { numRuns: 300 },
    );
  });

  it('stays fast on huge messages (bounded patterns, no catastrophic backtracking)', () => {
    const huge = fc.array(fc.constantFrom('check ', 'number ', 'bank ', 'account ', 'vendor ', 'a', ' ', '.', 'x'.repeat(50)), { minLength: 2000, maxLength: 4000 });
    fc.assert(
      fc.property(huge, (parts) => {
        const started = performance.now();
        classifyWithWords({ messages: [parts.join('')] });
        expect(performance.now() - started).toBeLessThan(500);
      }),
      { numRuns: 10 },
    );
  });
});
