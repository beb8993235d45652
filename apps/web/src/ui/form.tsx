import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import type { Check } from '../domain/rules';
import { ApiError, describeError } from '../api/client';

interface FieldProps {
  label: string;
  hint?: ReactNode;
  check?: Check;
  /** Show the error only after the person has touched the field or tried to send. */
  showError?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

export function Field({ label, hint, check, showError = true, children }: FieldProps): ReactNode {
  const id = useId();
  const error = showError ? check?.error : undefined;
  const warning = check?.warning;
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : '', warning ? `${id}-warning` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children({ id, describedBy, invalid: Boolean(error) })}
      {error ? (
        <p className="error-text" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
      {warning ? (
        <p className="warning-text" id={`${id}-warning`}>
          {warning}
        </p>
      ) : null}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  label: string;
  hint?: ReactNode;
  check?: Check;
  showError?: boolean;
  value: string;
  onValue: (value: string) => void;
};

export function TextField({ label, hint, check, showError, value, onValue, ...rest }: InputProps): ReactNode {
  return (
    <Field label={label} hint={hint} check={check} showError={showError}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={value}
          onChange={(event) => onValue(event.target.value)}
          {...rest}
        />
      )}
    </Field>
  );
}

/** 16-digit identifiers: numeric keyboard on phones, digits only, never trimmed by us. */
export function NumberIdField(props: Omit<InputProps, 'inputMode' | 'maxLength' | 'pattern'>): ReactNode {
  return <TextField inputMode="numeric" autoComplete="off" maxLength={16} spellCheck={false} {...props} />;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  label: string;
  hint?: ReactNode;
  check?: Check;
  showError?: boolean;
  value: string;
  onValue: (value: string) => void;
  options: ReadonlyArray<readonly [string, string]>;
  placeholder?: string;
};

export function SelectField({
  label,
  hint,
  check,
  showError,
  value,
  onValue,
  options,
  placeholder,
  ...rest
}: SelectProps): ReactNode {
  return (
    <Field label={label} hint={hint} check={check} showError={showError}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={value}
          onChange={(event) => onValue(event.target.value)}
          {...rest}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map(([optionValue, optionLabel]) => (
            <option key={optionValue} value={optionValue}>
              {optionLabel}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
  label: string;
  hint?: ReactNode;
  check?: Check;
  showError?: boolean;
  value: string;
  onValue: (value: string) => void;
};

export function TextAreaField({ label, hint, check, showError, value, onValue, ...rest }: TextAreaProps): ReactNode {
  return (
    <Field label={label} hint={hint} check={check} showError={showError}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={value}
          onChange={(event) => onValue(event.target.value)}
          {...rest}
        />
      )}
    </Field>
  );
}

/** The server's answer when it refused: its message and every field it named. */
export function ErrorBox({ error }: { error: unknown }): ReactNode {
  if (error === undefined || error === null) return null;
  const fields = error instanceof ApiError ? error.errors : [];
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1}>
      <p>
        <strong>{describeError(error)}</strong>
      </p>
      {fields.length > 0 ? (
        <ul>
          {fields.map((problem, index) => (
            <li key={index}>
              {problem.field ? <code>{problem.field}</code> : null} {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Notice({
  tone = 'info',
  children,
}: {
  tone?: 'info' | 'success' | 'warning';
  children: ReactNode;
}): ReactNode {
  return (
    <div className={`alert alert-${tone}`} role="status">
      {children}
    </div>
  );
}

/** The first error of a set of checks, to block sending. */
export function firstError(checks: Array<Check | undefined>): string | undefined {
  return checks.find((check) => check?.error)?.error;
}
