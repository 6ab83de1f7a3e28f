import type { EngineStatus } from '../../utils/messaging';
import type { Settings } from '../../utils/domain/settings';
import { formatSpan } from '../../utils/view/duration';
import { signInUrl } from '../../utils/view/procore-links';
import { Button } from '../common/Button';
import { Notice } from '../common/Notice';

interface ConnectionNoticeProps {
  status: EngineStatus;
  settings: Settings;
  now: number;
  onOAuthSignIn: () => void;
}

const clock = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** When the signed-out probe next asks Procore whether the session is back. */
function nextProbe(at: number | null, now: number): string {
  if (at === null) return 'The extension checks again every 5 minutes.';
  return at <= now ? 'Checking again now.' : `Next check in ${formatSpan(at - now)} (${clock(at)}).`;
}

/** Signed out, or Procore failing: what failed, when, and when the extension tries again. */
export function ConnectionNotice({ status, settings, now, onOAuthSignIn }: ConnectionNoticeProps) {
  if (status.signedIn === false) {
    return (
      <Notice tone="warn" title="You are signed out of Procore">
        <p>Payments are not being watched until you sign in. The extension never asks for your password.</p>
        <p>{nextProbe(status.lastError?.retryAt ?? null, now)} Signing in to Procore in this browser is enough: tracking resumes by itself.</p>
        <p>
          {settings.authMode === 'oauth' ? (
            <Button small variant="primary" onClick={onOAuthSignIn}>Sign in with Procore</Button>
          ) : (
            <a href={signInUrl(settings)} target="_blank" rel="noreferrer">Sign in to Procore (new tab)</a>
          )}
        </p>
      </Notice>
    );
  }
  const error = status.lastError;
  if (!error) return null;
  const retry =
    error.retryAt === null
      ? 'It tries again at the next check.'
      : error.retryAt <= now
        ? 'Trying again now.'
        : `Trying again in ${formatSpan(error.retryAt - now)} (${clock(error.retryAt)}).`;
  return (
    <Notice tone="danger" title="Cannot reach Procore">
      <p>{error.message}</p>
      <p>Failed at {clock(error.at)}. {retry} What is shown below may be out of date.</p>
    </Notice>
  );
}
