/**
 * Messages between the workbench and the parity worker. Both directions travel as deltas: after
 * the first check only the file the user typed in crosses to the worker (the topology only when
 * the design changed), and only the rows that changed come back.
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
  /** Files whose text changed since the last message (all of them the first time). */
  changed: BundleFile[];
  /** Every path, in order (removals and order changes need no other message). */
  paths: string[];
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
