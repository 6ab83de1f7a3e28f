import { createPortal } from 'react-dom';
import { useOverlay } from './overlay-context';
import { useWatchStore } from './use-watches';

/** When the background cannot be reached, say so where the user looks, instead of drawing stale states. */
export function BackgroundNotice() {
  const { layer } = useOverlay();
  const store = useWatchStore();
  if (!store.error) return null;
  return createPortal(
    <div className="toast" role="alert" data-testid="esw-notice">
      <strong>ERP Sync Watch: </strong>
      {store.error}
    </div>,
    layer,
  );
}
