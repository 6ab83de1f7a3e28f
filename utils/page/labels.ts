/**
 * Procore's column labels (PROCORE-UI-FACTS.md, PROCORE-CONTRACT.md), every documented variant,
 * canonical first. Columns are found by these texts only.
 */
export const LABELS = {
  disbursementNo: ['Disbursement No.', 'Disbursement ID', 'Disbursement #'],
  drawdownStatus: ['Drawdown Status'],
  invoiceHash: ['Invoice #'],
  invoiceNo: ['Invoice No.', 'Invoice #'],
  beneficiary: ['Beneficiary Name', 'Beneficiary'],
  paymentStatus: ['Payment Status'],
  paymentAmount: ['Payment Amount'],
  amountDue: ['Amount Due'],
  amount: ['Amount', 'Payment Amount'],
  bankId: ['Bank ID'],
  checkNo: ['Check No.', 'Check Number'],
  checkNumber: ['Check Number', 'Check No.'],
  nextCheckNo: ['Next Check No.', 'Next Check Number'],
  nickname: ['Nickname', 'Account Nickname'],
  errors: ['Errors', 'Error'],
} as const;

/** Drawdown Status texts meaning the ERP sync has started ("Funding Completed"; the FAQ says "Funding Complete"). */
export function isFundingComplete(drawdownStatus: string): boolean {
  return /^funding complete(d)?\b/i.test(drawdownStatus.trim());
}
