import type { EngineStatus } from '../../utils/messaging';
import { LockNote } from './Field';
import type { ConnectionTest } from './use-connection-test';
import type { SettingsForm } from './use-settings-form';

type Company = { id: string; name: string };

/** Every company the connection sees or the settings name, once each, by name. */
function knownCompanies(test: ConnectionTest, status: EngineStatus | null, ids: string[]): Company[] {
  const byId = new Map<string, Company>();
  for (const c of status?.watchedCompanies ?? []) byId.set(c.id, { id: c.id, name: c.name });
  for (const c of test.result?.companies ?? []) byId.set(c.id, c);
  for (const id of ids) if (!byId.has(id)) byId.set(id, { id, name: `Company ${id}` });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const yesNo = (value: boolean | undefined) => (value === undefined ? 'not read yet' : value ? 'yes' : 'no');

export function CompaniesSection({ form, test, status }: { form: SettingsForm; test: ConnectionTest; status: EngineStatus | null }) {
  const draft = form.draft;
  if (!draft) return null;
  const idsLocked = form.locked.has('companyIds');
  const overridesLocked = form.locked.has('partialPaymentOverrides');
  const exportOffLocked = form.locked.has('paymentExportOff');
  const companies = knownCompanies(test, status, draft.companyIds);
  const all = draft.companyIds.length === 0;

  const toggle = (id: string, on: boolean) =>
    form.update((d) => ({ ...d, companyIds: on ? [...d.companyIds, id] : d.companyIds.filter((c) => c !== id) }));

  return (
    <section id="companies" aria-labelledby="companies-title" className="card">
      <h2 id="companies-title">Companies</h2>
      <fieldset disabled={idsLocked} aria-describedby="companyIds-error">
        <legend>Companies to watch</legend>
        {idsLocked && <LockNote />}
        <label className="check">
          <input type="checkbox" checked={all} onChange={(e) => form.update((d) => ({ ...d, companyIds: e.target.checked ? [] : companies.map((c) => c.id) }))} />
          Every active company I can see in Procore
        </label>
        {!all && (
          <div className="company-list">
            {companies.map((c) => (
              <label key={c.id} className="check">
                <input type="checkbox" checked={draft.companyIds.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                {c.name} <span className="muted">({c.id})</span>
              </label>
            ))}
          </div>
        )}
        {companies.length === 0 && <p className="hint">Test the connection to list the companies you can see.</p>}
        {form.errors.companyIds && <span id="companyIds-error" className="field-error">Companies: {form.errors.companyIds}</span>}
      </fieldset>

      <h3>What each company’s ERP connector accepts</h3>
      <p className="hint">
        Some ERP integrations refuse partial payments. The extension warns before such a payment is made, using what the
        connector reports unless you override it here. Procore does not say whether a company exports payment records at
        all: set Payment export to Off for a company whose export is turned off in ERP Integrations, and its payments are
        shown as not exported instead of counting down.
      </p>
      {(overridesLocked || exportOffLocked) && <LockNote />}
      {(status?.watchedCompanies.length ?? 0) === 0 ? (
        <p className="hint">No company has been checked yet: its connector facts appear after the first check.</p>
      ) : (
        <table className="facts-table">
          <caption className="visually-hidden">Connector facts and overrides per company</caption>
          <thead>
            <tr>
              <th scope="col">Company</th>
              <th scope="col">ERP</th>
              <th scope="col">Payment export</th>
              <th scope="col">Partial payments (connector)</th>
              <th scope="col">Treat partial payments as</th>
            </tr>
          </thead>
          <tbody>
            {status?.watchedCompanies.map((c) => {
              const override = draft.partialPaymentOverrides[c.id];
              const value = override === undefined ? 'connector' : override ? 'accepted' : 'refused';
              return (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{c.erpName}</td>
                  <td>
                    <select
                      aria-label={`Payment export for ${c.name}`}
                      value={draft.paymentExportOff.includes(c.id) ? 'off' : 'on'}
                      disabled={exportOffLocked}
                      onChange={(e) =>
                        form.update((d) => ({
                          ...d,
                          paymentExportOff: e.target.value === 'off' ? [...d.paymentExportOff, c.id] : d.paymentExportOff.filter((id) => id !== c.id),
                        }))
                      }
                    >
                      <option value="on">On (Procore does not say)</option>
                      <option value="off">Off</option>
                    </select>
                  </td>
                  <td>{yesNo(c.supportsPartialPayments)}</td>
                  <td>
                    <select
                      aria-label={`Partial payments for ${c.name}`}
                      value={value}
                      disabled={overridesLocked}
                      onChange={(e) =>
                        form.update((d) => {
                          const overrides = { ...d.partialPaymentOverrides };
                          if (e.target.value === 'connector') delete overrides[c.id];
                          else overrides[c.id] = e.target.value === 'accepted';
                          return { ...d, partialPaymentOverrides: overrides };
                        })
                      }
                    >
                      <option value="connector">As the connector reports</option>
                      <option value="accepted">Accepted</option>
                      <option value="refused">Refused</option>
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
