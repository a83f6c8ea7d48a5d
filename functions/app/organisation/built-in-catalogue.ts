import { createHash } from 'node:crypto';
import { measureCatalogue } from '../../domain/measure-catalogue.js';
import type { MeasureCatalogueRepository } from '../../store/measure-catalogue-repository.js';
import { ConflictError } from '../../store/errors.js';

/**
 * Names the built-in catalogue's content: a deploy passes it to the bootstrap custom resource, so
 * CloudFormation runs the bootstrap again exactly when a release ships new definition versions.
 */
export function builtInCatalogueFingerprint(): string {
  const ids = measureCatalogue.map((d) => `${d.key}@${d.definitionVersion}`).sort();
  return createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 16);
}

/**
 * Writes each definition version of the built-in catalogue that the table lacks. A version already
 * stored is never overwritten (versions are immutable), so running it on every deploy or start is
 * safe, and what admins published themselves stays as it is.
 */
export function ensureBuiltInCatalogue(deps: { catalogue: Pick<MeasureCatalogueRepository, 'addVersion'> }) {
  return async (): Promise<{ added: number }> => {
    let added = 0;
    for (const { version: _, ...definition } of measureCatalogue) {
      try {
        await deps.catalogue.addVersion(definition);
        added++;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return { added };
  };
}
