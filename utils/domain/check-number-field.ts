import type { Connector } from './schemas/erp-settings';

/**
 * How many characters each ERP's check-number field takes, where its published field limits
 * say (the extension's own connector table, like partial-payment support): QuickBooks Online's
 * Ref No. (DocNumber) 21, QuickBooks Desktop's check No. (RefNumber) 11, Vista's CM Reference 10,
 * Acumatica's reference number 15. Null: not known, so no number is refused for its width.
 */
const FIELD_DIGITS: Record<Connector, number | null> = {
  quickbooks_online: 21,
  quickbooks_desktop: 11,
  viewpoint_vista: 10,
  acumatica: 15,
  sage_intacct: null,
  sage_300_cre: null,
  yardi: null,
  cmic: null,
  other: null,
};

export function checkNumberFieldDigits(connector: Connector | undefined): number | null {
  return connector ? FIELD_DIGITS[connector] : null;
}
