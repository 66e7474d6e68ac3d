/**
 * Design commands: pure functions DesignDoc → DesignDoc that the store, tests and (later) a
 * command palette share. Each returns the SAME doc object when nothing changed, so undo history
 * (which compares by reference) never records no-op steps. Refusals carry a reason the UI shows.
 * One file per concept; this module is the one import path for all of them.
 */
export { uniqueName, type Refusal, type Result } from './command-result';
export {
  connect,
  connectionProblem,
  disconnect,
  injectedEnv,
  referenceKindFor,
  setWaitFor,
  type ConnectOptions,
} from './connect-commands';
export { rename, renameProblem } from './rename-command';
export {
  addResources,
  dependentsOf,
  importTopology,
  move,
  remove,
  updateResource,
  type ResourcePatch,
} from './edit-commands';
export { extractFragment, pasteFragment, type Fragment } from './fragment-commands';
