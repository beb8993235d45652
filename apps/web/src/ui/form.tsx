import {
  useId,
  type ChangeEvent,
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

/** What every field takes: its label, hint, check, and its value as a string. */
interface ValueProps {
  label: string;
  hint?: ReactNode;
  check?: Check;
  showError?: boolean;
  value: string;
  onValue: (value: string) => void;
}

type ControlProps<Attributes> = Omit<Attributes, 'onChange' | 'value'> & ValueProps;

/** The attributes that tie a control to its label, hint and error, and its value to the state. */
function controlOf(
  { id, describedBy, invalid }: { id: string; describedBy: string | undefined; invalid: boolean },
  value: string,
  onValue: (value: string) => void,
) {
  return {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    value,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      onValue(event.target.value),
  };
}

type InputProps = ControlProps<InputHTMLAttributes<HTMLInputElement>>;

export function TextField({ label, hint, check, showError, value, onValue, ...rest }: InputProps): ReactNode {
  return (
    <Field label={label} hint={hint} check={check} showError={showError}>
      {(ids) => <input {...controlOf(ids, value, onValue)} {...rest} />}
    </Field>
  );
}

/**
 * 16-digit identifiers (NIK, No. KK): numeric keyboard on phones, digits only, never trimmed by us.
 * The error shows once the person has touched it (`showError`) or typed all sixteen digits.
 */
export function NumberIdField({
  showError,
  ...props
}: Omit<InputProps, 'inputMode' | 'maxLength' | 'pattern'>): ReactNode {
  return (
    <TextField
      inputMode="numeric"
      autoComplete="off"
      maxLength={16}
      spellCheck={false}
      showError={(showError ?? true) || props.value.length >= 16}
      {...props}
    />
  );
}

/** A date as `YYYY-MM-DD`, with the browser's date picker. */
export function DateField(props: Omit<InputProps, 'type'>): ReactNode {
  return <TextField type="date" {...props} />;
}

type SelectProps = ControlProps<SelectHTMLAttributes<HTMLSelectElement>> & {
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
      {(ids) => (
        <select {...controlOf(ids, value, onValue)} {...rest}>
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

type TextAreaProps = ControlProps<TextareaHTMLAttributes<HTMLTextAreaElement>>;

export function TextAreaField({ label, hint, check, showError, value, onValue, ...rest }: TextAreaProps): ReactNode {
  return (
    <Field label={label} hint={hint} check={check} showError={showError}>
      {(ids) => <textarea {...controlOf(ids, value, onValue)} {...rest} />}
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
