/**
 * The part of Amazon States Language's JSONPath that Parameters, ItemSelector and ResultSelector
 * use: `$.a.b`, `$.a[0]`, `$['a']` against the state input, `$$.…` against the context object.
 * A path that finds nothing throws, as Step Functions fails the state with States.Runtime then.
 */

export class PathError extends Error {
  override readonly name = 'PathError';
}

export function readPath(root: unknown, path: string): unknown {
  if (!path.startsWith('$')) throw new PathError(`${path} is not a JSONPath.`);
  const steps = [...path.slice(1).matchAll(/\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]/g)];
  if (steps.map((m) => m[0]).join('') !== path.slice(1)) throw new PathError(`The harness does not model the JSONPath ${path}.`);
  let value: unknown = root;
  for (const [, name, index, quoted] of steps) {
    const key = name ?? quoted ?? Number(index);
    if (value === null || typeof value !== 'object' || !(key in (value as object))) {
      throw new PathError(`${path} finds nothing: no ${typeof key === 'number' ? `[${key}]` : key} in ${JSON.stringify(value)?.slice(0, 120)}.`);
    }
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** Fills a Parameters-like template: keys ending in `.$` take the value their path finds. */
export function fillTemplate(template: unknown, input: unknown, context: unknown): unknown {
  if (Array.isArray(template)) return template.map((item) => fillTemplate(item, input, context));
  if (template === null || typeof template !== 'object') return template;
  return Object.fromEntries(
    Object.entries(template).map(([key, value]) => {
      if (!key.endsWith('.$')) return [key, fillTemplate(value, input, context)];
      const path = String(value);
      if (path.startsWith('States.')) throw new PathError(`The harness does not model the intrinsic function in ${key}: ${path}.`);
      return [key.slice(0, -2), path.startsWith('$$') ? readPath(context, path.slice(1)) : readPath(input, path)];
    }),
  );
}
