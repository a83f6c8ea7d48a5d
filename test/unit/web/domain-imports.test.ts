import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROGRESS_SCORES } from '../../../functions/domain/progress-scale.js';
import { ProgressScoreSchema } from '../../../functions/domain/progress-score.js';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** The modules a file imports at run time (`import type` and `export type` are erased, so they do not count). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?'([^']+)'/gm)].map((m) => m[1]!);
  return specifiers;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A relative `.js` specifier as the `.ts` file it names. */
const resolveFrom = (file: string, specifier: string) => resolve(dirname(file), specifier).replace(/\.js$/, '.ts');

/** Every module of functions/ the web runs, following the imports of those modules too, and the packages they use. */
function webRunsFromFunctions(): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const queue = sourceFiles(join(root, 'web/src')).flatMap((file) =>
    runtimeImports(file)
      .filter((s) => s.startsWith('.'))
      .map((s) => resolveFrom(file, s))
      .filter((path) => relative(root, path).startsWith('functions/')),
  );
  while (queue.length > 0) {
    const module = queue.pop()!;
    if (modules.has(module)) continue;
    modules.add(module);
    for (const specifier of runtimeImports(module)) {
      if (specifier.startsWith('.')) queue.push(resolveFrom(module, specifier));
      else packages.add(specifier);
    }
  }
  return { modules, packages };
}

describe("the web's imports of the domain", () => {
  const { modules, packages } = webRunsFromFunctions();

  it('are pure modules of functions/domain only', () => {
    expect(modules.size).toBeGreaterThan(0);
    for (const module of modules) expect(relative(root, module)).toMatch(/^functions\/domain\/[\w-]+\.ts$/);
  });

  it('bring no schemas, node built-ins or AWS SDK into the bundle: only date-fns', () => {
    expect([...packages].sort()).toEqual(['@date-fns/tz', 'date-fns']);
  });
});

describe('the progress scale the web offers', () => {
  it('is exactly the scores the API accepts', () => {
    const candidates = Array.from({ length: 25 }, (_, i) => i * 0.25);
    expect(candidates.filter((score) => ProgressScoreSchema.safeParse(score).success)).toEqual([...PROGRESS_SCORES]);
  });
});
