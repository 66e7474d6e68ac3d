/**
 * Frame measurements for the in-Chromium benchmarks.
 *
 * Two views of the same interaction, because the dev machine's host takes the CPU away for
 * ~0.8 s about once a second when it is busy (a blank page then shows frame gaps of seconds):
 * - frame intervals, sampled with requestAnimationFrame: what a user would see, host included;
 * - main-thread work per frame, read from a Chromium trace: what the app costs. Its median
 *   holds still through host stalls, which land on whatever task happens to be running.
 * A blank page sampled in the same browser is the reference for what the host alone allows.
 */
import type { Page } from '@playwright/test';
import type { Spread } from './spread';

export const describe = (s: Spread) =>
  `${s.count} frames, median ${s.median.toFixed(1)} ms, p90 ${s.p90.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ` +
  `${s.max.toFixed(1)} ms`;

/** Frame intervals on `page` while `action` runs (the first two, still settling, are dropped). */
export async function sampleFrames(page: Page, action: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __sampling: boolean };
    w.__frames = [];
    w.__sampling = true;
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__sampling) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await action();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __sampling: boolean };
    w.__sampling = false;
    return w.__frames.slice(2);
  });
}

/** Frame intervals of an empty page in the same browser for `ms`: the host's own contribution. */
export async function blankPageFrames(page: Page, ms: number): Promise<number[]> {
  const blank = await page.context().newPage();
  try {
    await blank.setContent('<!doctype html><title>reference</title><p>reference</p>');
    return await sampleFrames(blank, () => blank.waitForTimeout(ms));
  } finally {
    await blank.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/**
 * Main-thread work per frame (ms) of the busiest renderer in a Chromium trace: the summed
 * duration of the tasks that ran between one frame's commit to the compositor and the next.
 */
export function mainThreadWorkPerFrame(traceJson: string): number[] {
  const parsed = JSON.parse(traceJson) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const threadKey = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const rendererMains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(threadKey),
  );
  const counts = new Map<string, number>();
  for (const e of events)
    if (rendererMains.has(threadKey(e))) counts.set(threadKey(e), (counts.get(threadKey(e)) ?? 0) + 1);
  const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const own = events
    .filter((e) => threadKey(e) === busiest && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const tasks = own.filter((e) => e.name === 'RunTask');
  const commits = own.filter((e) => e.name === 'Commit').map((e) => e.ts + e.dur!);
  const work: number[] = [];
  let t = 0;
  for (let i = 1; i < commits.length; i++) {
    let sum = 0;
    while (t < tasks.length && tasks[t]!.ts < commits[i - 1]!) t++;
    for (; t < tasks.length && tasks[t]!.ts < commits[i]!; t++) sum += tasks[t]!.dur!;
    work.push(sum / 1000);
  }
  return work;
}
