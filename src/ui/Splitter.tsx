/**
 * A draggable (and keyboard-operable) divider between two panes. It reports the new size of
 * the pane on its `side`; the shell keeps the size in state and writes it to a CSS variable.
 */
import { useRef } from 'react';

interface Props {
  label: string;
  /** The pane being sized sits left or right of the divider. */
  side: 'left' | 'right';
  size: number;
  min: number;
  max: number;
  onSize(px: number): void;
}

export function Splitter({ label, side, size, min, max, onSize }: Props) {
  const start = useRef<{ x: number; size: number } | undefined>(undefined);
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)));
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={size}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={(e) => {
        start.current = { x: e.clientX, size };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (!start.current) return;
        const dx = e.clientX - start.current.x;
        onSize(clamp(start.current.size + (side === 'left' ? dx : -dx)));
      }}
      onPointerUp={() => (start.current = undefined)}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 80 : 20;
        const grow = side === 'left' ? 'ArrowRight' : 'ArrowLeft';
        const shrink = side === 'left' ? 'ArrowLeft' : 'ArrowRight';
        if (e.key === grow) onSize(clamp(size + step));
        else if (e.key === shrink) onSize(clamp(size - step));
        else return;
        e.preventDefault();
      }}
    />
  );
}
