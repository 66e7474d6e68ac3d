/** A toolbar button driven by the action registry: label, tooltip with keys, enabled state. */
import { useCallback, useSyncExternalStore, type ReactNode } from 'react';
import { useDesignApi } from '../../state/app-state-context';
import type { Action } from './actions';
import { actionTitle } from './keys';

/** Whether an action is enabled, re-read when the design or its history changes. */
export function useActionEnabled(action: Action): boolean {
  const designStore = useDesignApi();
  const subscribe = useCallback(
    (changed: () => void) => {
      const a = designStore.subscribe(changed);
      const b = designStore.temporal.subscribe(changed);
      return () => {
        a();
        b();
      };
    },
    [designStore],
  );
  return useSyncExternalStore(subscribe, () => action.enabled?.() ?? true);
}

export function ActionButton({
  action,
  className,
  pressed,
  children,
}: {
  action: Action;
  className?: string;
  pressed?: boolean;
  children?: ReactNode;
}) {
  const enabled = useActionEnabled(action);
  return (
    <button
      type="button"
      className={className}
      onClick={() => action.run()}
      disabled={!enabled}
      title={actionTitle(action)}
      {...(pressed !== undefined ? { 'aria-pressed': pressed } : {})}
      {...(children !== undefined ? { 'aria-label': action.label } : {})}
    >
      {children ?? action.label}
    </button>
  );
}
