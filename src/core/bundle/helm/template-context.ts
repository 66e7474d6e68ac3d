/** What templating one object needs: the chart, settings, the values model, tokens and lookups by object. */
import type { GeneratedObject, KubeObject } from '../../kube/objects';
import type { DeploySettings } from '../../model/settings';
import type { UserSecret, Workload } from '../inspect';
import type { PodVariants } from './modes';
import type { Tokens } from './tokens';
import type { ValuesModel } from './values';

export interface TemplateContext {
  chart: string;
  settings: DeploySettings;
  values: ValuesModel;
  tokens: Tokens;
  /** User-provided Secrets by name. */
  secrets: Map<string, UserSecret>;
  /** Workloads by object identity, to know which images we build. */
  workloads: Map<KubeObject, Workload>;
  /** Mode-dependent env entries and init containers, by object. */
  pods: Map<GeneratedObject, PodVariants>;
  /** Aspire parameter name by its key in the parameters ConfigMap. */
  parameters: Map<string, string>;
  /** Every generated Job's revision name (`migrator-3f2a9c1e`): its chart name is computed at render. */
  jobs: Set<string>;
}
