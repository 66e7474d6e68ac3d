import { STATUS_ORDER } from '../../core/parity/status-rank';
import type { ParityStatus } from '../../core/parity/types';

/** Worst first: the one ranking (core/parity/status-rank.ts) orders the filters and the counts. */
export const STATUSES = STATUS_ORDER;
export const LABEL: Record<ParityStatus, string> = { pass: 'Pass', fail: 'Fail', warn: 'Warn', unknown: 'Unknown' };

/** The virtualiser's callback that measures a rendered line of the table. */
export type Measure = (el: HTMLTableRowElement | null) => void;
