/**
 * The name of the live-change port. Its own module so content scripts can connect without
 * bundling the protocol's schemas (utils/messaging.ts re-exports it).
 */
export const WATCH_PORT = 'watches';
