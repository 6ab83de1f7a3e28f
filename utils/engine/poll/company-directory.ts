import type { Settings } from '../../domain/settings';
import type { ErpSettings } from '../../domain/schemas/erp-settings';
import { erpFacts } from '../../domain/erp-facts';
import type { ProcoreClient } from '../../procore/procore-client';
import { ProcoreError } from '../../procore/procore-error';
import type { EngineDb } from '../../store/engine-db';
import { deleteMeta, metaKeys, readMeta, writeMeta } from '../../store/meta-store';
import type { Engine } from '../engine';

export interface WatchedCompany {
  id: string;
  name: string;
  erp: ErpSettings;
  /** When the ERP's name was last read from Procore (local time; none: from the page's title). */
  erpReadAt?: number;
}

const KEY = 'companies';
/** Per-company change cursors of the poll cycle live under this prefix. */
export const CURSOR_PREFIX = 'cursor:';
const READ_AT_KEY = 'companiesReadAt';
/** The ERP Integrations page's own title per company (the first source of the ERP's name). */
export const ERP_PAGE_TITLE_PREFIX = 'erpPageTitle:';
/** Companies and their ERP settings change rarely: read them again at most this often. */
export const COMPANY_REFRESH_MS = 10 * 60 * 1000;
/**
 * A company's ERP changes more rarely still (a migration, planned for months): its name, one
 * request per company, is read again hourly, or when the user asks for a check.
 */
export const ERP_NAME_REFRESH_MS = 60 * 60 * 1000;

export async function storedCompanies(engine: Engine): Promise<WatchedCompany[]> {
  return (await readMeta<WatchedCompany[]>(engine.db, KEY)) ?? [];
}

/**
 * The companies to watch (the settings' list, else every active company the user sees) with
 * their ERP settings. Read at discovery; status polls use the stored copy. `asked`: the user asked
 * for a check, so every ERP name is read again too.
 */
export async function refreshCompanies(engine: Engine, client: ProcoreClient, settings: Settings, asked: boolean, signal?: AbortSignal): Promise<WatchedCompany[]> {
  const visible = await client.companies(signal);
  const wanted = settings.companyIds.length
    ? visible.filter((c) => settings.companyIds.includes(c.id))
    : visible.filter((c) => c.is_active !== false);
  const before = await storedCompanies(engine);
  const now = engine.localTime();
  const companies: WatchedCompany[] = [];
  for (const company of wanted) {
    const pageTitle = (await readMeta<string>(engine.db, `${ERP_PAGE_TITLE_PREFIX}${company.id}`)) ?? null;
    const known = pageTitle ? undefined : before.find((c) => c.id === company.id);
    let uomsName = known?.erp.erp_name ?? null;
    let erpReadAt = known?.erpReadAt;
    if (!pageTitle && (asked || erpReadAt === undefined || now - erpReadAt >= ERP_NAME_REFRESH_MS)) {
      try {
        uomsName = await client.erpIntegrationName(company.id, signal);
        erpReadAt = now;
      } catch (error) {
        // A company that does not let this account read it is watched anyway.
        if (!(error instanceof ProcoreError && (error.kind === 'forbidden' || error.kind === 'not_found'))) throw error;
      }
    }
    const { nameSource: _source, ...erp } = erpFacts({ pageTitle, uomsName, exportOff: settings.paymentExportOff.includes(company.id) });
    companies.push({ id: company.id, name: company.name ?? `Company ${company.id}`, erp, erpReadAt });
  }
  await writeMeta(engine.db, KEY, companies);
  await writeMeta(engine.db, READ_AT_KEY, now);
  return companies;
}

/** Whether the stored companies are older than COMPANY_REFRESH_MS (or missing). */
export async function companiesStale(engine: Engine): Promise<boolean> {
  const readAt = await readMeta<number>(engine.db, READ_AT_KEY);
  return readAt === undefined || engine.localTime() - readAt >= COMPANY_REFRESH_MS;
}

/**
 * Forgets what was read about companies so the next discovery reads them again; with
 * `cursors`, also where each company's change feed was (another Procore, another account).
 */
export async function forgetCompanies(db: EngineDb, options: { cursors: boolean }): Promise<void> {
  const cursors = options.cursors ? await metaKeys(db, CURSOR_PREFIX) : [];
  await deleteMeta(db, options.cursors ? [KEY, READ_AT_KEY, ...cursors] : [READ_AT_KEY]);
}
