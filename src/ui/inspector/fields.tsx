/** Small inspector inputs that commit on Enter or blur and show a problem next to the field. */
import { useId, useState } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  /** Returns a problem to show (and keeps the draft), or undefined when committed. */
  onCommit(value: string): string | undefined;
  /** Live validation while typing. */
  validate?(value: string): string | undefined;
  placeholder?: string;
  inputMode?: 'numeric' | 'text';
}

export function TextField({ label, value, onCommit, validate, placeholder, inputMode }: TextFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | undefined>();
  const [lastValue, setLastValue] = useState(value);
  // The value changed underneath (undo, rename elsewhere): drop the stale draft.
  if (value !== lastValue) {
    setLastValue(value);
    setDraft(value);
    setProblem(undefined);
  }
  const commit = () => {
    if (draft === value) return setProblem(undefined);
    const p = validate?.(draft) ?? onCommit(draft);
    setProblem(p);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={draft}
        placeholder={placeholder}
        inputMode={inputMode}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          setProblem(validate?.(e.target.value));
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(value);
            setProblem(undefined);
          }
        }}
      />
      {problem && (
        <p id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange(v: boolean): void;
}) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange(v: T): void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
