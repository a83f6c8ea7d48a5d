import { describe, expect, it } from 'vitest';
import { BOX, layoutTree, moveFrom, wrapText, type TreeNode } from '../../../web/src/pages/drivers/layout.js';

// An aim with one primary driver and its secondary driver, under which one idea was tested in two cycles; a second primary driver with nothing under it.
const tree: TreeNode = {
  key: 'aim', kind: 'aim', children: [
    { key: 'p1', kind: 'primary', children: [{ key: 's1', kind: 'secondary', children: [{ key: 'i1', kind: 'idea', children: [{ key: 'c1', kind: 'cycle', children: [] }, { key: 'c2', kind: 'cycle', children: [] }] }] }] },
    { key: 'p2', kind: 'primary', children: [] },
  ],
};

describe("the driver diagram figure's layout", () => {
  const { nodes, height } = layoutTree(tree);
  const at = (key: string) => nodes.find((n) => n.key === key)!;

  it('orders the parts as the outline does, one column per level, each centred on what is under it', () => {
    expect(nodes.map((n) => n.key)).toEqual(['aim', 'p1', 's1', 'i1', 'c1', 'c2', 'p2']);
    expect(new Set(['aim', 'p1', 's1', 'i1', 'c1'].map((k) => at(k).x)).size).toBe(5);
    const row = at('c2').y - at('c1').y;
    expect(row).toBeGreaterThan(BOX.height);
    expect(at('i1').y).toBe(row / 2);
    expect(at('p1').y).toBe(row / 2);
    expect(at('p2').y).toBe(2 * row);
    expect(at('aim').y).toBe((row / 2 + 2 * row) / 2);
    expect(height).toBe(2 * row + BOX.height);
  });

  it('moves with the arrow keys: down and up in order, right to the first part under, left back up', () => {
    const index = (key: string) => at(key).index;
    expect(moveFrom(nodes, index('aim'), 'ArrowRight')).toBe(index('p1'));
    expect(moveFrom(nodes, index('i1'), 'ArrowRight')).toBe(index('c1'));
    expect(moveFrom(nodes, index('c2'), 'ArrowLeft')).toBe(index('i1'));
    expect(moveFrom(nodes, index('c2'), 'ArrowDown')).toBe(index('p2'));
    expect(moveFrom(nodes, index('p2'), 'ArrowDown')).toBeNull();
    expect(moveFrom(nodes, index('p2'), 'ArrowRight')).toBeNull();
    expect(moveFrom(nodes, index('aim'), 'ArrowUp')).toBeNull();
    expect(moveFrom(nodes, index('c1'), 'End')).toBe(index('p2'));
    expect(moveFrom(nodes, index('c1'), 'Tab')).toBeNull();
  });

  it('wraps a text between words into at most the lines there is room for', () => {
    expect(wrapText('Hoitajat tavoittavat soittajat samana päivänä', 20, 3)).toEqual(['Hoitajat tavoittavat', 'soittajat samana', 'päivänä']);
    expect(wrapText('Hoitajat tavoittavat soittajat samana päivänä', 20, 2)).toEqual(['Hoitajat tavoittavat', 'soittajat samana…']);
    expect(wrapText('Moniammatillinenvastaanotto', 10, 2)).toEqual(['Moniammat…']);
  });
});
