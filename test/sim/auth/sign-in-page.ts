import { escapeHtml } from '../html-escape';

/** The sandbox's sign-in form (every user's password is `sandbox`). */
export function signInPage(options: { returnTo: string; error?: string; hint?: string }): string {
  const error = options.error ? `<p role="alert" class="error">${escapeHtml(options.error)}</p>` : '';
  const hint = options.hint ? `<p class="hint">${escapeHtml(options.hint)}</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in - Procore (local sandbox)</title>
<style>body{font-family:system-ui,sans-serif;background:#f4f5f6;color:#232729}main{max-width:360px;margin:10vh auto;background:#fff;padding:32px;border-radius:8px;box-shadow:0 1px 4px #0003}
label{display:block;margin:12px 0 4px;font-weight:600}input{width:100%;box-sizing:border-box;padding:8px;border:1px solid #6a767c;border-radius:4px}
button{margin-top:20px;width:100%;padding:10px;background:#d14b00;color:#fff;border:0;border-radius:4px;font-weight:600;cursor:pointer}.error{color:#b3261e}.hint{color:#4e5a60;font-size:14px}</style>
</head><body><main><h1>Sign in to Procore</h1>${error}
<form method="post" action="/login">
<input type="hidden" name="return_to" value="${escapeHtml(options.returnTo)}">
<label for="login">Email</label><input id="login" name="login" type="email" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign In</button></form>${hint}</main></body></html>`;
}

/** A same-origin path to go back to, or null (never another origin). */
export function safeReturnTo(raw: unknown): string | null {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return null;
  return raw;
}
