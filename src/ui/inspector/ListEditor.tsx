/** An editable key/value list (env vars, volumes): edit in place, add, remove. */
import { useState } from 'react';

export interface KV {
  key: string;
  value: string;
}

interface Props {
  legend: string;
  items: KV[];
  keyLabel: string;
  valueLabel: string;
  validateKey(k: string): string | undefined;
  onChange(items: KV[]): string | undefined;
}

export function ListEditor({ legend, items, keyLabel, valueLabel, validateKey, onChange }: Props) {
  const [newKey, setNewKey] = useState('');
  const [newValue, setNewValue] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const add = () => {
    const k = newKey.trim();
    const p = validateKey(k) ?? (items.some((i) => i.key === k) ? `"${k}" is already in the list.` : undefined);
    setProblem(p);
    if (p) return;
    const r = onChange([...items, { key: k, value: newValue }]);
    setProblem(r);
    if (!r) {
      setNewKey('');
      setNewValue('');
    }
  };
  return (
    <fieldset className="insp-group">
      <legend>{legend}</legend>
      <ul className="kv-list">
        {items.map((it, i) => (
          <li key={it.key}>
            <code className="kv-key" title={it.key}>
              {it.key}
            </code>
            <input
              aria-label={`${it.key} ${valueLabel.toLowerCase()}`}
              defaultValue={it.value}
              key={it.value}
              onBlur={(e) => {
                if (e.target.value !== it.value)
                  setProblem(onChange(items.map((x, j) => (j === i ? { ...x, value: e.target.value } : x))));
              }}
            />
            <button
              type="button"
              className="link-button"
              aria-label={`Remove ${it.key}`}
              onClick={() => setProblem(onChange(items.filter((_, j) => j !== i)))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="kv-add">
        <input
          aria-label={`New ${keyLabel.toLowerCase()}`}
          placeholder={keyLabel}
          value={newKey}
          onChange={(e) => setNewKey(e.target.value)}
        />
        <input
          aria-label={`New ${valueLabel.toLowerCase()}`}
          placeholder={valueLabel}
          value={newValue}
          onChange={(e) => setNewValue(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <button type="button" aria-label={`Add to ${legend.toLowerCase()}`} onClick={add}>
          +
        </button>
      </div>
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
