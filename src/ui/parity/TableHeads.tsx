import { memo } from 'react';
import { SECTION_TITLE, type RowGroup, type Section } from './group-rows';
import { STATUSES, type Measure } from './status-labels';

/** A resource's heading row: fold toggle, worst status and counts. */
export const GroupHead = memo(
  function GroupHead({
    group,
    open,
    index,
    measure,
    onToggle,
  }: {
    group: RowGroup;
    open: boolean;
    index: number;
    measure: Measure;
    onToggle(resource: string, open: boolean): void;
  }) {
    const c = group.counts;
    return (
      <tr
        ref={measure}
        data-index={index}
        className="wb-group-head"
        data-resource={group.resource}
        data-section={group.section}
      >
        <th scope="colgroup" colSpan={2}>
          <button
            type="button"
            className="wb-group-toggle"
            aria-expanded={open}
            onClick={() => onToggle(group.key, open)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>{' '}
            <span className={`wb-dot wb-status-${group.worst}`} aria-hidden="true" />
            {group.resource}
            <span className="wb-group-counts">
              {STATUSES.filter((s) => c[s] > 0)
                .map((s) => `${c[s]} ${s}`)
                .join(' · ')}
            </span>
          </button>
        </th>
      </tr>
    );
  },
  (a, b) =>
    a.open === b.open &&
    a.index === b.index &&
    a.measure === b.measure &&
    a.onToggle === b.onToggle &&
    a.group.worst === b.group.worst &&
    STATUSES.every((s) => a.group.counts[s] === b.group.counts[s]),
);

/** A section's title row: App Host relationships or policy lint, with its row count. */
export function SectionHead({
  section,
  count,
  index,
  measure,
}: {
  section: Section;
  count: number;
  index: number;
  measure: Measure;
}) {
  return (
    <tr ref={measure} data-index={index} className="wb-section-head">
      <th scope="colgroup" colSpan={2}>
        {SECTION_TITLE[section]} <span className="wb-group-counts">{count} rows</span>
      </th>
    </tr>
  );
}

/** The folded passing rows of a group that also has findings. */
export function PassesLine({
  group,
  open,
  index,
  measure,
  onToggle,
}: {
  group: RowGroup;
  open: boolean;
  index: number;
  measure: Measure;
  onToggle(key: string, open: boolean): void;
}) {
  return (
    <tr ref={measure} data-index={index} className="wb-passes">
      <td colSpan={2}>
        <button
          type="button"
          className="wb-passes-toggle"
          aria-expanded={open}
          onClick={() => onToggle(group.key, open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {group.counts.pass} passing
        </button>
      </td>
    </tr>
  );
}
