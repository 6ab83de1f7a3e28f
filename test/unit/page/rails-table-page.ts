/**
 * The sandbox's server-rendered Failed to Export table as Rails draws it: header labels, a row per
 * payment record with its ids, Check Number and Bank ID inputs, the red error and a form whose
 * submit button is Export. For unit tests of the readers and overlays.
 */
export function railsTable(doc: Document, rows: { id: string; payout: string; invoice: string; check: string; error?: string }[]): HTMLTableElement {
  const table = doc.createElement('table');
  const head = table.createTHead().insertRow();
  for (const label of ['Beneficiary', 'Invoice No.', 'Amount', 'Check Number', 'Bank ID', 'Errors', 'Actions']) {
    const th = doc.createElement('th');
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  body.insertRow().insertCell().textContent = 'No records to show';
  for (const row of rows) {
    const tr = body.insertRow();
    tr.dataset.id = row.id;
    tr.dataset.externalPaymentId = row.payout;
    const cell = (text: string) => (tr.insertCell().textContent = text);
    cell('Acme');
    cell(row.invoice);
    cell('$1.00');
    tr.insertCell().append(Object.assign(doc.createElement('input'), { value: row.check }));
    tr.insertCell().append(Object.assign(doc.createElement('input'), { value: 'OPER' }));
    cell(row.error ?? 'The check number is already in use.');
    const form = doc.createElement('form');
    form.append(Object.assign(doc.createElement('button'), { type: 'submit', textContent: 'Export' }));
    tr.insertCell().append(form);
  }
  doc.body.append(table);
  return table;
}
