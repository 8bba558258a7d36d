import { useId, type ReactNode } from 'react';

export type FieldProps = { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string };

/** A labelled input with its error and hint next to it, wired up with aria-describedby. */
export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children(p: FieldProps): ReactNode }) {
  const id = useId();
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
