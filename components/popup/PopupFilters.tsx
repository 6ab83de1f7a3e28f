import type { Cause } from '../../utils/domain/cause';
import { CAUSE_LABELS } from '../../utils/view/cause-label';
import type { PopupFilter } from '../../utils/view/popup-sections';

interface PopupFiltersProps {
  filter: PopupFilter;
  onChange: (filter: PopupFilter) => void;
  companies: { id: string; name: string }[];
  causes: Cause[];
}

export function PopupFilters({ filter, onChange, companies, causes }: PopupFiltersProps) {
  return (
    <div className="filters" role="search">
      <label className="visually-hidden" htmlFor="popup-search">Search payment records</label>
      <input
        id="popup-search"
        type="search"
        placeholder="Search beneficiary, check, invoice, amount…"
        value={filter.query}
        onChange={(e) => onChange({ ...filter, query: e.target.value })}
      />
      <div className="filter-selects">
        <label className="visually-hidden" htmlFor="popup-company">Company</label>
        <select id="popup-company" value={filter.companyId} onChange={(e) => onChange({ ...filter, companyId: e.target.value })}>
          <option value="">All companies</option>
          {companies.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor="popup-cause">Cause</label>
        <select id="popup-cause" value={filter.cause} onChange={(e) => onChange({ ...filter, cause: e.target.value as Cause | '' })}>
          <option value="">All causes</option>
          {causes.map((c) => (
            <option key={c} value={c}>{CAUSE_LABELS[c]}</option>
          ))}
        </select>
      </div>
    </div>
  );
}
