import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskErpMessage } from '../../../utils/domain/mask-message';

describe('maskErpMessage', () => {
  it.each([
    ['amounts', 'The payment amount $1,500.00 exceeds the amount due (1,234.56).', 'The payment amount [amount] exceeds the amount due ([amount]).'],
    ['numbers and ids', 'Check number 10042 is already in use for bank account OPER2.', 'Check number [number] is already in use for bank account [number].'],
    ['quoted names', "Invalid Vendor 'Vaishnavi Primary' specified.", "Invalid Vendor '[name]' specified."],
    ['double-quoted references', 'Object "B68F-1621437495" specified in the request cannot be found.', 'Object "[name]" specified in the request cannot be found.'],
    ['e-mail addresses', 'Contact ap@hill-electric.com about it', 'Contact [email] about it'],
  ])('masks %s', (_what, message, masked) => {
    expect(maskErpMessage(message)).toBe(masked);
  });

  it('masks the names the extension knows wherever they appear, unquoted too', () => {
    expect(maskErpMessage('Seq#3 - Invalid Vendor! Hill Electric on INV-2291', ['Hill Electric'])).toBe('Seq#[number] - Invalid Vendor! [name] on [number]');
  });

  it('keeps ERP error codes, which name the message and not the customer', () => {
    expect(maskErpMessage('BL03002128 Enter a Bill number, and try again.')).toBe('BL03002128 Enter a Bill number, and try again.');
    expect(maskErpMessage('Code (6140): Duplicate Document Number Error : DocNumber=1234')).toBe('Code (6140): Duplicate Document Number Error : DocNumber=[number]');
    expect(maskErpMessage('message=ThrottleExceeded; errorCode=003001; statusCode=429')).toBe('message=ThrottleExceeded; errorCode=003001; statusCode=429');
  });

  it('leaves no digit outside a kept code, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const masked = maskErpMessage(text.replace(/[\ue000-\uf8ff]/g, ''));
        const withoutCodes = masked.replace(/\b[A-Z]{2}\d{8}\b/g, '').replace(/\b(?:error ?code|status ?code|code|error|status)\s*[=:#(]?\s*\d{1,6}\b/gi, '');
        expect(withoutCodes).not.toMatch(/\d/);
      }),
      { numRuns: 300 },
    );
  });
});
