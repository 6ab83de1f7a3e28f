import { describe, expect, it } from 'vitest';
import { ERP_MESSAGES, type ErpMessageFacts } from '../../sim/erp-messages';
import { classifyWithWords } from '../fixtures/failure-words';

// The sandbox's ERPs word every cause their own way; the engine diagnoses them with this classifier.
const facts: ErpMessageFacts = {
  bankId: 'OPER',
  checkNumber: 10042,
  invoiceNumber: 'INV-2291',
  invoiceId: 4417,
  vendorId: 'v_77',
  vendorName: 'Hill Electric',
  amount: 50_000,
  dueAmount: 123_456,
  paymentDate: '2026-11-15',
  companyName: 'Keystone Builders',
  txnId: 311,
};

describe("the sandbox ERPs' wordings", () => {
  const cases = Object.entries(ERP_MESSAGES).flatMap(([connector, templates]) =>
    Object.entries(templates).map(([cause, template]) => [connector, cause, template(facts)] as const),
  );

  it.each(cases)('%s %s', (_connector, cause, message) => {
    expect(classifyWithWords({ messages: [message] }).cause).toBe(cause);
  });
});
