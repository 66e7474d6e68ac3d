/**
 * The Fix of a failing connection-secret row: a Secret the bundle has but without the key the
 * value reads gets that key (a new Secret of the same name would clash); a Secret the bundle
 * lacks is added whole, to fill before applying, or named as pre-created.
 */
import type { CheckContext } from '../context';
import type { EnvEntry } from '../env';
import { fix } from '../snippets';
import type { ParityFix } from '../types';

export function secretRefFix(ctx: CheckContext, secretRefs: EnvEntry[]): ParityFix {
  const lacking = secretRefs
    .map((s) => ({ s, o: ctx.idx.secrets.get(s.secretName ?? '') }))
    .find(({ s, o }) => o && !o.keys.has(s.secretKey ?? ''));
  if (lacking?.o)
    return fix(
      `Add key ${lacking.s.secretKey} to Secret ${lacking.s.secretName} and set it before applying.`,
      { [lacking.s.secretKey ?? '']: '<set before applying>' },
      lacking.o.obj.doc.file,
      ['stringData'],
      lacking.o.obj.doc.startLine,
    );
  const first = secretRefs[0]!;
  return fix(
    `Create the Secret before applying (kubectl create secret generic ${first.secretName} ` +
      `--from-literal=${first.secretKey}=…) and pass --pre-created-secret ` +
      `${first.secretName}, or add it to the bundle.`,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: first.secretName },
      type: 'Opaque',
      stringData: { [first.secretKey ?? 'connection-string']: '<set before applying>' },
    },
  );
}
