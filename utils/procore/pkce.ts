function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random PKCE verifier (RFC 7636: 43-128 characters of the unreserved set). */
export function createVerifier(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(48)));
}

export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export function randomState(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(16)));
}
