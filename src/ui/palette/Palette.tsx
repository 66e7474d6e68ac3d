/**
 * The palette: every item is a button. Drag it onto the canvas, or press Enter / click to add
 * it at a free spot near the centre of the view (the keyboard path React Flow lacks).
 */
import { CATALOG, PALETTE_GROUPS, type CatalogItem } from '../../core/model/integrations/palette';
import { useDesignApi } from '../../state/app-state-context';
import type { DesignStore } from '../../state/design-store';
import { canvasApi } from '../canvas/canvas-api';
import { PALETTE_MIME } from '../canvas/DesignCanvas';
import { besideServer, freeSpot } from './free-spot';

const GROUPS: readonly CatalogItem['group'][] = PALETTE_GROUPS.filter((g) => CATALOG.some((c) => c.group === g));

function addAtFreeSpot(design: DesignStore, item: CatalogItem) {
  const st = design.getState();
  const server = item.id === 'database' ? st.view.selected[0] : undefined;
  const at =
    (server && besideServer(st.doc.topology, st.doc.positions, server)) ||
    freeSpot(st.doc.positions, canvasApi.viewportCentre());
  const res = st.addFromCatalog(item.id, at);
  if (!res.ok) return;
  requestAnimationFrame(() => canvasApi.focus(res.name));
  // Keyboard users continue where the new resource is edited: its inspector's Name field
  // (rendered once the selection has committed), not back in the palette.
  requestAnimationFrame(() => requestAnimationFrame(() => focusInspectorName(res.name)));
}

function focusInspectorName(name: string) {
  const input = document.querySelector<HTMLInputElement>('.inspector .insp-body input');
  if (input && input.value === name) input.focus();
}

export function Palette() {
  const design = useDesignApi();
  return (
    <aside className="palette" aria-label="Palette">
      <h2 className="panel-title">Add resource</h2>
      {GROUPS.map((g) => (
        <div key={g} className="palette-group" role="group" aria-label={g}>
          <h3>{g}</h3>
          {CATALOG.filter((c) => c.group === g).map((item) => (
            <button
              key={item.id}
              type="button"
              className="palette-item"
              draggable
              title={
                item.id === 'database'
                  ? 'Adds a database to the selected server (or drop it on a server)'
                  : `Add ${item.label}${item.method ? ` (${item.method})` : ''}`
              }
              onDragStart={(e) => {
                e.dataTransfer.setData(PALETTE_MIME, item.id);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => addAtFreeSpot(design, item)}
            >
              {item.label}
            </button>
          ))}
        </div>
      ))}
    </aside>
  );
}
