/**
 * Where each part of a driver diagram goes in the figure: one column per level (aim, primary
 * drivers, secondary drivers, change ideas, cycles), one row per leaf, and each part centred on
 * the rows of what is under it. The order of the parts is the outline's (depth first), which is
 * also the keyboard's order.
 */

export type NodeKind = 'aim' | 'primary' | 'secondary' | 'idea' | 'cycle';

export type TreeNode = { key: string; kind: NodeKind; children: TreeNode[] };

export type PlacedNode = {
  key: string;
  kind: NodeKind;
  /** Index in the depth-first order. */
  index: number;
  parent: number | null;
  firstChild: number | null;
  x: number;
  y: number;
};

export const BOX = { width: 200, height: 64 } as const;
const COLUMN_GAP = 36;
const ROW_GAP = 12;
const COLUMNS: Record<NodeKind, number> = { aim: 0, primary: 1, secondary: 2, idea: 3, cycle: 4 };

export function layoutTree(root: TreeNode): { nodes: PlacedNode[]; width: number; height: number } {
  const nodes: PlacedNode[] = [];
  let rows = 0;

  function place(node: TreeNode, parent: number | null): number {
    const index = nodes.length;
    const placed: PlacedNode = { key: node.key, kind: node.kind, index, parent, firstChild: null, x: COLUMNS[node.kind] * (BOX.width + COLUMN_GAP), y: 0 };
    nodes.push(placed);
    if (node.children.length === 0) {
      placed.y = rows * (BOX.height + ROW_GAP);
      rows += 1;
    } else {
      const ys = node.children.map((child) => nodes[place(child, index)]!.y);
      placed.firstChild = index + 1;
      placed.y = (Math.min(...ys) + Math.max(...ys)) / 2;
    }
    return index;
  }

  place(root, null);
  return {
    nodes,
    width: 5 * BOX.width + 4 * COLUMN_GAP,
    height: Math.max(1, rows) * (BOX.height + ROW_GAP) - ROW_GAP,
  };
}

/** The part the arrow key moves to from `index`, or null when there is none that way. */
export function moveFrom(nodes: readonly PlacedNode[], index: number, key: string): number | null {
  const node = nodes[index];
  if (!node) return null;
  switch (key) {
    case 'ArrowDown':
      return index + 1 < nodes.length ? index + 1 : null;
    case 'ArrowUp':
      return index > 0 ? index - 1 : null;
    case 'ArrowRight':
      return node.firstChild;
    case 'ArrowLeft':
      return node.parent;
    case 'Home':
      return 0;
    case 'End':
      return nodes.length - 1;
    default:
      return null;
  }
}

/** Up to `maxLines` lines of at most `width` characters, broken between words; the last one cut with "…". */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= width) line = candidate;
    else {
      if (line) lines.push(line);
      line = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return kept;
}
