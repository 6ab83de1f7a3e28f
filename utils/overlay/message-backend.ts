import { sendMessage, subscribeWatches } from '../message-client';
import type { Backend } from './backend';

/** The real background, for content scripts. */
export const messageBackend: Backend = { send: sendMessage, subscribe: subscribeWatches };
