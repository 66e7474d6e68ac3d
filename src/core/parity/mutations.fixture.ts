/**
 * The mutation catalogue: one realistic way to break the travel platform's bundle per entry,
 * each a plain text edit of `fixtures/parity/travel-good/bundle.yaml`, with the exact rows
 * whose status it must change (and to what). Used by mutations.test.ts.
 */
import { REACH_MUTATIONS } from './mutations-reach.fixture';
import { REDTEAM_MUTATIONS } from './mutations-reach-redteam.fixture';
import { STARTUP_MUTATIONS } from './mutations-startup.fixture';
import { WIRING_MUTATIONS } from './mutations-wiring.fixture';
import { WORKLOAD_MUTATIONS } from './mutations-workload.fixture';
import type { ParityStatus } from './types';

export interface Mutation {
  name: string;
  /** Literal text to find (must occur exactly once) and its replacement. */
  find: string;
  replace: string;
  /** Further edits in other documents, applied after the first (one change can span documents). */
  also?: { find: string; replace: string }[];
  /** row id → expected status after the mutation ('absent': the row disappears); every other row keeps its status. */
  expect: Record<string, ParityStatus | 'absent'>;
}

/** The bundle text after a mutation. */
export function mutate(text: string, m: Pick<Mutation, 'find' | 'replace' | 'also'>): string {
  let out = text.replace(m.find, m.replace);
  for (const a of m.also ?? []) out = out.replace(a.find, a.replace);
  return out;
}

export const BASE_MUTATIONS: Mutation[] = [...WIRING_MUTATIONS, ...WORKLOAD_MUTATIONS];

export const MUTATIONS: Mutation[] = [
  ...BASE_MUTATIONS,
  ...REACH_MUTATIONS,
  ...REDTEAM_MUTATIONS,
  ...STARTUP_MUTATIONS,
];
