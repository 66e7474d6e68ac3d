/** Find a resource by name (or kind/image text): Enter selects it and centres the view on it. */
import { useState, type RefObject } from 'react';
import { useDesignApi, useDesignStore } from '../../state/app-state-context';
import { canvasApi } from '../canvas/canvas-api';

export function SearchBox({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const designStore = useDesignApi();
  const resources = useDesignStore((s) => s.doc.topology.resources);
  const [q, setQ] = useState('');
  const [miss, setMiss] = useState(false);
  const go = () => {
    const needle = q.trim().toLowerCase();
    if (!needle) return;
    const hit =
      resources.find((r) => r.name.toLowerCase() === needle) ??
      resources.find((r) => r.name.toLowerCase().includes(needle)) ??
      resources.find((r) => `${r.kind} ${r.engine ?? ''} ${r.image ?? ''}`.toLowerCase().includes(needle));
    setMiss(!hit);
    if (!hit) return;
    designStore.getState().select([hit.name]);
    canvasApi.focus(hit.name);
  };
  return (
    <div className="search">
      <input
        ref={inputRef}
        type="search"
        aria-label="Search resources"
        placeholder="Search  /"
        list="resource-names"
        value={q}
        aria-invalid={miss || undefined}
        onChange={(e) => {
          setQ(e.target.value);
          setMiss(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') go();
          if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
        }}
      />
      <datalist id="resource-names">
        {resources.map((r) => (
          <option key={r.name} value={r.name} />
        ))}
      </datalist>
      {miss && (
        <span className="search-miss" role="status">
          No match
        </span>
      )}
    </div>
  );
}
