/**
 * Messages between the workbench and the parity worker. Each check carries the texts it checks
 * and the worker keeps none of them between checks: the workbench store is the one owner of an
 * edited file's text (DEVELOPERS.md), so the worker can never check a stale copy. Copying the
 * strings costs about a millisecond per MB, against a check that takes far longer. The topology
 * crosses only when the design changed, and only the rows that changed come back.
 */
import type { BundleFile } from '../../core/kube/objects';
import type { DeploySettings } from '../../core/model/settings';
import type { Topology } from '../../core/model/topology';
import type { ValidationMarker } from '../../core/parity/check-bundle';
import type { ParityReport } from '../../core/parity/types';
import type { RowRef } from './row-delta';

export interface CheckMessage {
  id: number;
  topology?: Topology;
  settings?: DeploySettings;
  /** Every file to check, in order, with its text as the workbench store has it now. */
  files: BundleFile[];
}

/** One strict-validation finding, placed on lines for an editor marker. */
export type { ValidationMarker };

/** A report whose rows are deltas against the report sent before it (see ./row-delta). */
export interface ReportDelta extends Omit<ParityReport, 'rows'> {
  rows: RowRef[];
}

export interface CheckReply {
  id: number;
  report?: ReportDelta;
  validation?: ValidationMarker[];
  error?: string;
  /** Time spent in the worker (parse + rules + validation). */
  ms: number;
}
