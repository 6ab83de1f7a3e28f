/** Above the invoices table: what is at risk in the current selection, in one sentence. */
export function PreflightBanner({ summary, error }: { summary: string | null; error: string | null }) {
  return (
    <div role="status" aria-live="polite" data-testid="esw-banner">
      {summary || error ? (
        <div className="banner">
          <span aria-hidden="true">⚠</span>
          <span>
            <strong>ERP Sync Watch: </strong>
            {summary ?? error}
          </span>
        </div>
      ) : null}
    </div>
  );
}
