import { useId, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagramIdea, DriverDiagram } from '../../api/drivers.js';
import { currentLocale } from '../../i18n/index.js';
import { navigate } from '../../router.js';
import { BOX, layoutTree, moveFrom, wrapText, type NodeKind, type TreeNode } from './layout.js';

/** What one part of the figure says and where it leads. */
type Part = { kind: NodeKind; lines: string[]; status?: string; label: string; href: string };

/**
 * The driver diagram drawn as an SVG: every part is a link (a cycle to its page, a change idea to
 * the unit's list, a driver to its place in the text outline), focusable in the outline's order,
 * and the arrow keys move between them along the tree.
 */
export function DriverFigure({ unitId, diagram }: { unitId: string; diagram: DriverDiagram }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const helpId = useId();
  const titleId = useId();
  // Typed as HTML anchors, as React types every <a>; in the SVG they are SVG links, which focus alike.
  const refs = useRef<(HTMLAnchorElement | null)[]>([]);

  const { tree, parts } = useMemo(() => {
    const parts = new Map<string, Part>();
    const ideaNode = ({ idea, cycles }: DiagramIdea): TreeNode => {
      parts.set(`idea:${idea.id}`, {
        kind: 'idea',
        lines: wrapText(idea.title, 24, 3),
        label: `${t('drivers.kind.idea')}: ${idea.title}`,
        href: `/units/${unitId}#ideas-heading`,
      });
      return {
        key: `idea:${idea.id}`,
        kind: 'idea',
        children: cycles.map((cycle) => {
          const phase = t(`phases.${cycle.phase}`);
          const verdicts = cycle.verdicts.map((v) => t(`learning.outcome.${v.outcome}`));
          const status = [phase, ...verdicts].join(' · ');
          parts.set(`cycle:${cycle.id}`, {
            kind: 'cycle',
            lines: wrapText(cycle.title, 24, 2),
            status,
            label: [t('drivers.cycleLabel', { title: cycle.title, phase }), ...cycle.verdicts.map((v) => v.text[locale])].join('. '),
            href: `/units/${unitId}/cycles/${cycle.id}`,
          });
          return { key: `cycle:${cycle.id}`, kind: 'cycle', children: [] };
        }),
      };
    };
    const driverPart = (kind: 'primary' | 'secondary', id: string, text: string) =>
      parts.set(`driver:${id}`, { kind, lines: wrapText(text, 24, 3), label: `${t(`drivers.kind.${kind}`)}: ${text}`, href: `#driver-${id}` });
    parts.set('aim', { kind: 'aim', lines: wrapText(diagram.aim.statement, 22, 3), label: `${t('drivers.kind.aim')}: ${diagram.aim.statement}`, href: '#drivers-outline' });
    const tree: TreeNode = {
      key: 'aim',
      kind: 'aim',
      children: diagram.primaries.map((primary) => {
        driverPart('primary', primary.driver.id, primary.driver.text);
        return {
          key: `driver:${primary.driver.id}`,
          kind: 'primary',
          children: [
            ...primary.secondaries.map((secondary) => {
              driverPart('secondary', secondary.driver.id, secondary.driver.text);
              return { key: `driver:${secondary.driver.id}`, kind: 'secondary' as const, children: secondary.ideas.map(ideaNode) };
            }),
            ...primary.ideas.map(ideaNode),
          ],
        };
      }),
    };
    return { tree, parts };
  }, [diagram, t, unitId, locale]);

  const layout = useMemo(() => layoutTree(tree), [tree]);
  const margin = 8;

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const index = refs.current.findIndex((element) => element === document.activeElement);
    if (index < 0) return;
    const next = moveFrom(layout.nodes, index, event.key);
    if (next === null) return;
    event.preventDefault();
    refs.current[next]?.focus();
  };

  /** In-app pages open without reloading; a hash link moves within this page as links do. */
  const onClick = (href: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (href.startsWith('#') || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };

  const byIndex = layout.nodes;
  refs.current.length = byIndex.length;
  return (
    <figure className="driver-figure">
      <figcaption id={titleId} className="driver-figure__caption">
        {t('drivers.diagram')}
      </figcaption>
      <p id={helpId} className="driver-figure__help no-print">
        {t('drivers.diagramHelp')}
      </p>
      <svg
        className="driver-figure__svg"
        viewBox={`${-margin} ${-margin} ${layout.width + 2 * margin} ${layout.height + 2 * margin}`}
        role="group"
        aria-labelledby={titleId}
        aria-describedby={helpId}
        onKeyDown={onKeyDown}
      >
        {byIndex.map((node) =>
          node.parent === null ? null : (
            <path
              key={`edge:${node.key}`}
              className="driver-figure__edge"
              d={edge(byIndex[node.parent]!.x + BOX.width, byIndex[node.parent]!.y + BOX.height / 2, node.x, node.y + BOX.height / 2)}
              aria-hidden="true"
            />
          ),
        )}
        {byIndex.map((node) => {
          const part = parts.get(node.key)!;
          const lines = part.status ? [...part.lines, part.status] : part.lines;
          const top = node.y + BOX.height / 2 - ((lines.length - 1) * 15) / 2 + 4;
          // The words are drawn beside the link, not in it: the link's name is the whole text with
          // its kind, and a box shows only what fits.
          return (
            <g key={node.key} className={`driver-node driver-node--${node.kind}`}>
              <a
                ref={(element) => void (refs.current[node.index] = element)}
                href={part.href}
                className="driver-node__link"
                aria-label={part.label}
                onClick={onClick(part.href)}
              >
                <rect className="driver-node__box" x={node.x} y={node.y} width={BOX.width} height={BOX.height} rx={6} />
              </a>
              <text className="driver-node__text" x={node.x + 10} y={top} aria-hidden="true">
                {lines.map((line, i) => (
                  <tspan key={i} x={node.x + 10} dy={i === 0 ? 0 : 15} className={part.status && i === lines.length - 1 ? 'driver-node__status' : undefined}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** A smooth connector from the right edge of a part to the left edge of one under it. */
function edge(x1: number, y1: number, x2: number, y2: number): string {
  const middle = (x1 + x2) / 2;
  return `M${x1},${y1} C${middle},${y1} ${middle},${y2} ${x2},${y2}`;
}
