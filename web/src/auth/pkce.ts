/** OAuth 2.0 PKCE (RFC 7636, S256) and the `state` value, with the browser's Web Crypto. */

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random URL-safe string: 32 bytes give 43 characters, the shortest verifier RFC 7636 allows. */
export function randomString(byteLength = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteLength)));
}

export function createVerifier(): string {
  return randomString(32);
}

/** code_challenge = BASE64URL(SHA-256(ASCII(code_verifier))). */
export async function challengeFor(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}
