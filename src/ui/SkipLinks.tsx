/**
 * Skip links, first in the tab order and shown only when focused: jump past the toolbar and the
 * palette (about 40 buttons) straight to the canvas, the selection's inspector or the parity table.
 */
import { useDesignStore } from '../state/app-state-context';

/** Focus a region that is not focusable by itself (tabindex -1 keeps it out of the Tab order). */
function focusRegion(selector: string): void {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) return;
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus();
}

function focusInspector(): void {
  const name = document.querySelector<HTMLElement>('.inspector .insp-body input');
  if (name) name.focus();
  else focusRegion('.inspector');
}

function SkipLink({ target, onSkip, children }: { target: string; onSkip(): void; children: string }) {
  return (
    <a
      href={`#${target}`}
      onClick={(e) => {
        e.preventDefault();
        onSkip();
      }}
    >
      {children}
    </a>
  );
}

export function SkipLinks({ canvas, parity }: { canvas: boolean; parity: boolean }) {
  const selected = useDesignStore((s) => s.view.selected.length > 0);
  return (
    <nav className="skip-links" aria-label="Skip links">
      {canvas && (
        <SkipLink target="canvas" onSkip={() => focusRegion('.canvas .react-flow')}>
          Skip to canvas
        </SkipLink>
      )}
      {canvas && selected && (
        <SkipLink target="inspector" onSkip={focusInspector}>
          Skip to inspector
        </SkipLink>
      )}
      {parity && (
        <SkipLink target="parity" onSkip={() => focusRegion('section.wb-parity-section')}>
          Skip to parity table
        </SkipLink>
      )}
    </nav>
  );
}
