/**
 * The one ordering of parity statuses. Worst first: a failure outranks a warning, and a row we
 * could not verify ("unknown") outranks a pass, because an unproven relationship is not a proven
 * one. The canvas badge, the table's group heading and the lint rows all fold with this, so a
 * resource can never show a Pass badge over an Unknown group.
 */
import type { ParityStatus } from './types';

/** Worst first; also the order the table lists its status filters in. */
export const STATUS_ORDER: readonly ParityStatus[] = ['fail', 'warn', 'unknown', 'pass'];

const RANK: Readonly<Record<ParityStatus, number>> = { pass: 0, unknown: 1, warn: 2, fail: 3 };

/** Positive when `a` is worse than `b`. */
export function compareStatus(a: ParityStatus, b: ParityStatus): number {
  return RANK[a] - RANK[b];
}

/** The worse of two statuses; `undefined` (nothing seen yet) loses to anything. */
export function worstStatus(a: ParityStatus | undefined, b: ParityStatus): ParityStatus {
  return a === undefined || RANK[b] > RANK[a] ? b : a;
}

/** The worst of many, or undefined for none. */
export function worstOf(statuses: Iterable<ParityStatus>): ParityStatus | undefined {
  let worst: ParityStatus | undefined;
  for (const s of statuses) worst = worstStatus(worst, s);
  return worst;
}
