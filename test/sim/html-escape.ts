/** Text made safe to place in HTML text or a quoted attribute (the sandbox's server-rendered pages). */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
