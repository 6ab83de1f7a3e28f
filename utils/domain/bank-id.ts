/** A Bank ID as ERPs compare them: case and surrounding spaces do not make another account. */
export function normalBankId(bankId: string): string {
  return bankId.trim().toUpperCase();
}

export function sameBankId(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && normalBankId(a) === normalBankId(b);
}
