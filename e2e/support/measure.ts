/**
 * In-page measurements of how readable the canvas is: every figure is computed in Chromium from
 * the live DOM and SVG geometry, not from screenshots.
 */
import { expect, type Page } from '@playwright/test';

export interface CanvasFigures {
  nodes: number;
  /** Nodes wholly inside the canvas's visible rectangle. */
  visibleNodes: number;
  /** Smallest on-screen font size of a visible node name, in CSS px (font size × zoom). */
  minNamePx: number;
  /** Names whose text is wider than their box (scrollWidth > clientWidth). */
  cutNames: string[];
  overlaps: string[];
  /** Edges whose drawn path passes through the inside of a node they do not join. */
  crossings: string[];
  edges: number;
  /** Pairs of different edges drawn on top of each other (collinear for more than 4 screen px). */
  sharedRuns: string[];
  /** Edge labels over another label or over a node. */
  labelOverlaps: string[];
  /**
   * Nodes shown whole in the canvas yet (partly) under the minimap or the zoom controls. When the
   * design does not fit readably, nodes cut by the canvas edge may also pass under an overlay:
   * they are off-screen in part either way, and the minimap is what leads to them.
   */
  underOverlays: string[];
}

export async function measureCanvas(page: Page): Promise<CanvasFigures> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
    const vp = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(vp).transform).a;
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => ({
      id: el.dataset.id!,
      el,
      r: el.getBoundingClientRect(),
    }));
    const inView = (r: DOMRect) =>
      r.left >= canvas.left && r.right <= canvas.right && r.top >= canvas.top && r.bottom <= canvas.bottom;
    let minNamePx = Infinity;
    const cutNames: string[] = [];
    let visibleNodes = 0;
    for (const n of nodes) {
      const name = n.el.querySelector<HTMLElement>('.rnode-name')!;
      if (name.scrollWidth > name.clientWidth) cutNames.push(n.id);
      if (!inView(n.r)) continue;
      visibleNodes++;
      minNamePx = Math.min(minNamePx, parseFloat(getComputedStyle(name).fontSize) * zoom);
    }
    const overlaps: string[] = [];
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++) {
        const p = nodes[i]!.r;
        const q = nodes[j]!.r;
        if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5)
          overlaps.push(`${nodes[i]!.id} × ${nodes[j]!.id}`);
      }
    const crossings: string[] = [];
    const edges = [...document.querySelectorAll<SVGGElement>('.react-flow__edge')];
    for (const g of edges) {
      const id = g.getAttribute('data-id') ?? '';
      const m = /^(?:ref|parent):(.+?)->(.+)$/.exec(id);
      const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path');
      if (!m || !path) continue;
      const ctm = path.getScreenCTM()!;
      const len = path.getTotalLength();
      const others = nodes.filter((n) => n.id !== m[1] && n.id !== m[2]);
      const inset = 2;
      let hit: string | undefined;
      for (let d = 0; d <= len && !hit; d += 3) {
        const pt = path.getPointAtLength(d).matrixTransform(ctm);
        hit = others.find(
          (n) =>
            pt.x > n.r.left + inset && pt.x < n.r.right - inset && pt.y > n.r.top + inset && pt.y < n.r.bottom - inset,
        )?.id;
      }
      if (hit) crossings.push(`${id} through ${hit}`);
    }
    // Segments of the drawn paths (every path is M/L/Q with axis-aligned legs), in screen px.
    type Seg = { id: string; at: number; lo: number; hi: number };
    const horizontal: Seg[] = [];
    const vertical: Seg[] = [];
    for (const g of edges) {
      const id = g.getAttribute('data-id') ?? '';
      const d = g.querySelector('path.react-flow__edge-path')?.getAttribute('d') ?? '';
      const nums = (d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
      const pts: { x: number; y: number }[] = [];
      for (let i = 0; i + 1 < nums.length; i += 2) pts.push({ x: nums[i]! * zoom, y: nums[i + 1]! * zoom });
      for (let i = 1; i < pts.length; i++) {
        const p = pts[i - 1]!;
        const q = pts[i]!;
        if (Math.abs(p.y - q.y) < 0.5) horizontal.push({ id, at: p.y, lo: Math.min(p.x, q.x), hi: Math.max(p.x, q.x) });
        else if (Math.abs(p.x - q.x) < 0.5)
          vertical.push({ id, at: p.x, lo: Math.min(p.y, q.y), hi: Math.max(p.y, q.y) });
      }
    }
    const sharedRuns: string[] = [];
    for (const segs of [horizontal, vertical])
      for (let i = 0; i < segs.length; i++)
        for (let j = i + 1; j < segs.length; j++) {
          const s = segs[i]!;
          const t = segs[j]!;
          if (s.id === t.id || Math.abs(s.at - t.at) >= 0.5) continue;
          const shared = Math.min(s.hi, t.hi) - Math.max(s.lo, t.lo);
          if (shared > 4) sharedRuns.push(`${s.id} on ${t.id} for ${shared.toFixed(0)} px`);
        }
    const labels = [...document.querySelectorAll<HTMLElement>('.redge-label')].map((el) => ({
      text: el.textContent ?? '',
      r: el.getBoundingClientRect(),
    }));
    const meets = (p: DOMRect, q: DOMRect) =>
      p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5;
    const labelOverlaps: string[] = [];
    labels.forEach((l, i) => {
      for (const m of labels.slice(i + 1)) if (meets(l.r, m.r)) labelOverlaps.push(`label ${l.text} × label ${m.text}`);
      for (const n of nodes) if (meets(l.r, n.r)) labelOverlaps.push(`label ${l.text} × ${n.id}`);
    });
    const panels = [...document.querySelectorAll<HTMLElement>('.canvas .react-flow__panel')]
      .map((el) => ({ what: el.className.includes('minimap') ? 'minimap' : 'controls', r: el.getBoundingClientRect() }))
      .filter((p) => p.r.width > 0);
    const underOverlays = nodes
      .filter((n) => inView(n.r))
      .flatMap((n) => panels.filter((p) => meets(n.r, p.r)).map((p) => `${n.id} × ${p.what}`));
    return {
      nodes: nodes.length,
      visibleNodes,
      minNamePx,
      cutNames,
      overlaps,
      crossings,
      edges: edges.length,
      sharedRuns,
      labelOverlaps,
      underOverlays,
    };
  });
}

/**
 * The viewport transform once it has not changed for 5 successive frames (the fit or pan
 * animation ended, or never started). Starts afresh each call, so a value from a previous
 * wait cannot count as "still".
 */
export async function waitForStillViewport(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __vp?: { last?: string; same: number } }).__vp = { same: 0 };
  });
  await page.waitForFunction(
    () => {
      const w = (window as unknown as { __vp: { last?: string; same: number } }).__vp;
      const now = getComputedStyle(document.querySelector('.react-flow__viewport')!).transform;
      w.same = now === w.last ? w.same + 1 : 0;
      w.last = now;
      return w.same >= 5;
    },
    undefined,
    { polling: 'raf' },
  );
}

/** The parity table against the panel it sits in. */
export async function measureTable(page: Page): Promise<{ table: number; panel: number }> {
  const scroll = page.locator('.wb-table-scroll');
  await expect(scroll).toBeVisible();
  return scroll.evaluate((el) => ({ table: el.scrollWidth, panel: el.clientWidth }));
}
