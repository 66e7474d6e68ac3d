/**
 * "More": the toolbar's less frequent actions as a menu, for windows too narrow to show them as
 * buttons (below 1280 px the buttons are hidden by CSS and this menu shown, so the search box
 * keeps a usable width without the toolbar wrapping). Fed by the action registry like the
 * buttons, so a menu item has the same label, tooltip, keys and enabled state.
 */
import { useEffect, useRef, useState } from 'react';
import type { Action } from './actions';
import { useActionEnabled } from './ActionButton';
import { actionTitle } from './keys';

function MenuItem({ action, onDone }: { action: Action; onDone(): void }) {
  const enabled = useActionEnabled(action);
  return (
    <button
      type="button"
      role="menuitem"
      disabled={!enabled}
      title={actionTitle(action)}
      onClick={() => {
        onDone();
        action.run();
      }}
    >
      {action.label}
    </button>
  );
}

export function OverflowMenu({ actions }: { actions: readonly Action[] }) {
  // Where the list goes (fixed: the toolbar scrolls sideways, so anything absolute inside it is clipped).
  const [open, setOpen] = useState<{ top: number; left: number } | undefined>();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(undefined);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(undefined);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);
  return (
    <div className="overflow-menu" ref={root}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={!!open}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setOpen((o) => (o ? undefined : { top: r.bottom + 4, left: r.left }));
        }}
      >
        More ▾
      </button>
      {open && (
        <div role="menu" aria-label="More actions" className="overflow-menu-list" style={open}>
          {actions.map((a) => (
            <MenuItem key={a.id} action={a} onDone={() => setOpen(undefined)} />
          ))}
        </div>
      )}
    </div>
  );
}
