import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SessionLifecycle } from './overlay-session';

/** WXT's content script context as an overlay session's lifecycle. */
export function wxtLifecycle(ctx: ContentScriptContext): SessionLifecycle {
  return {
    onInvalidated: (callback) => void ctx.onInvalidated(callback),
    onLocationChange: (callback) => ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => callback(newUrl.href)),
  };
}
