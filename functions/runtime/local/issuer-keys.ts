import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateIssuerKeys, type IssuerKeyMaterial } from '../../api/auth/local-issuer.js';
import { StartupError } from './startup-error.js';

/** The local issuer's signing key is made on first start and kept, so tokens survive a restart. */
export async function loadOrCreateIssuerKeys(file: string): Promise<IssuerKeyMaterial> {
  if (existsSync(file)) {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as IssuerKeyMaterial;
      if (parsed.privateJwk?.kty === 'RSA' && parsed.publicJwk?.kty === 'RSA') return parsed;
    } catch {
      // Fall through to the one-sentence advice below.
    }
    throw new StartupError(`The sign-in key file ${file} is broken: delete it and start again (a new key is made).`);
  }
  const keys = await generateIssuerKeys();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}
