import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, describe, expect, it } from 'vitest';
import { synthStack, type StackOptions } from './synth-stack.js';

/**
 * cdk-nag 3 is a policy validation plugin, and acknowledgements go through CDK's
 * `Validations.of(construct).acknowledge()`: synthesis fails on an unacknowledged error, and the
 * pack's own report lists what is left, warnings included.
 */
function withNag(options: StackOptions) {
  const { app, stack } = synthStack(options);
  const pack = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(pack);
  return { app, stack, pack };
}

type Acknowledgement = { path: string; id: string; reason: string };

function acknowledgements(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id,
          reason,
        })),
      ),
  );
}

const dist = mkdtempSync(join(tmpdir(), 'sykli-web-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Sykli</title>');
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'export {};');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe.each([
  { name: 'web app not built', options: {} },
  { name: 'web app built (with the bucket deployments)', options: { webDistPath: dist } },
  { name: 'deployed as the README says (own domain, first admin)', options: { webDistPath: dist, deployed: true } },
])('cdk-nag AwsSolutions, $name', ({ options }) => {
  const { app, stack, pack } = withNag(options);

  it('synthesizes: no unacknowledged error stops it', () => {
    expect(() => app.synth()).not.toThrow();
  });

  it('leaves no unacknowledged error or warning', () => {
    app.synth();
    const report = pack.validateScope(app);
    expect(report.violations.map((v) => `${v.severity} ${v.ruleName}`)).toEqual([]);
  });

  it('acknowledges with a reason, on a resource, never on the whole stack', () => {
    const found = acknowledgements(stack);
    expect(found.length).toBeGreaterThan(0);
    for (const ack of found) {
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(10);
      expect(ack.path, ack.id).not.toBe(stack.node.path);
    }
    expect(acknowledgements(Stack.of(stack).node.root).length).toBe(found.length);
  });
});
