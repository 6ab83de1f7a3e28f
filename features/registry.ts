import disbursementBadges from './disbursement-badges';
import disbursementDetail from './disbursement-detail';
import failedExportHelp from './failed-export-help';
import type { Feature } from './feature';
import fundingAccountAdvice from './funding-account-advice';
import preflight from './preflight';

/** Every page feature of the content script; the router starts each where its content shows. */
export const FEATURES: readonly Feature[] = [disbursementBadges, disbursementDetail, preflight, failedExportHelp, fundingAccountAdvice];
