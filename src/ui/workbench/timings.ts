/**
 * Keystroke → parity table latency, recorded as performance measures (visible in DevTools) and
 * kept in a small ring on `window` for the Playwright performance check.
 */
export interface Timing {
  /** Change (keystroke) to table written to the DOM, ms. */
  total: number;
  /** Time the check itself took (worker round trip included), ms. */
  check: number;
  rows: number;
}

declare global {
  interface Window {
    __aspireParityTimings?: Timing[];
  }
}

let lastTriggered = -1;

export function recordTiming(triggeredAt: number, checkMs: number, rows: number): void {
  if (triggeredAt === lastTriggered) return;
  lastTriggered = triggeredAt;
  const end = performance.now();
  try {
    performance.measure('aspire-parity:keystroke-to-table', { start: triggeredAt, end });
  } catch {
    /* measure is diagnostics only */
  }
  const ring = (window.__aspireParityTimings ??= []);
  ring.push({ total: end - triggeredAt, check: checkMs, rows });
  if (ring.length > 200) ring.shift();
}
