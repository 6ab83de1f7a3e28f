import { sendMessage, subscribeWatches } from '../message-client';
import type { Backend } from './backend';
import { listenFixFocusMessages } from './fix-focus-messages';

/** The real background, for content scripts. */
export const messageBackend: Backend = { send: sendMessage, subscribe: subscribeWatches, onFixFocus: listenFixFocusMessages };
