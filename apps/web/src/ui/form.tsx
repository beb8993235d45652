import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
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
        <p className="error-text" id={`${id}-error`}>
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

/** The six digits an authenticator app shows (TOTP): numeric keyboard, the phone's one-time-code fill. */
export function AuthenticatorCodeField(
  props: Omit<InputProps, 'name' | 'inputMode' | 'autoComplete' | 'maxLength'>,
): ReactNode {
  return <TextField name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required {...props} />;
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

/** The server's answer when it refused: its message, and every field it named by the field's label. */
export function ErrorBox({ error }: { error: unknown }): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  // A refusal that arrives after sending takes focus, so it is read and seen, wherever it is.
  useEffect(() => {
    if (error !== undefined && error !== null) box.current?.focus();
  }, [error]);
  const [form, setForm] = useState<HTMLFormElement>();
  useLayoutEffect(() => setForm(box.current?.closest('form') ?? undefined), [error]);
  if (error === undefined || error === null) return null;
  const fields = error instanceof ApiError ? error.errors : [];
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={box}>
      <p>
        <strong>{describeError(error)}</strong>
      </p>
      {fields.length > 0 ? (
        <ul>
          {fields.map((problem, index) => {
            const control = problem.field ? controlNamed(form, problem.field) : undefined;
            return (
              <li key={index}>
                {control ? <a href={`#${control.id}`}>{labelOf(control) ?? fieldName(problem.field)}</a> : null}
                {!control && problem.field ? <strong>{fieldName(problem.field)}</strong> : null}
                {problem.field ? ': ' : null}
                {problem.message}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

/** The server's field names, for a problem about a field the page does not show. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  username: 'NIK atau nama pengguna',
  password: 'Kata sandi',
  nik: 'NIK',
  familyCardNumber: 'No. KK',
  birthDate: 'Tanggal lahir',
  reason: 'Alasan',
  note: 'Catatan',
  kind: 'Jenis berkas',
  file: 'Berkas',
};

function fieldName(field: string): string {
  return FIELD_NAMES[field] ?? FIELD_NAMES[field.split('.').pop() ?? ''] ?? field;
}

function controlNamed(form: HTMLFormElement | undefined, name: string): HTMLElement | undefined {
  if (!form) return undefined;
  const control = form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
  return control?.id ? control : undefined;
}

function labelOf(control: HTMLElement): string | undefined {
  const label = control.ownerDocument.querySelector(`label[for="${CSS.escape(control.id)}"]`);
  return label?.textContent?.trim() || undefined;
}

/**
 * The GOV.UK error summary: after a failed send, one box at the top of the form that takes focus
 * and links to every field in error (read from the form itself, so each form only marks its
 * fields). Focus on the box is what a screen reader announces: the errors under the fields are
 * not live regions of their own. `attempt` counts the sends tried.
 */
export function ErrorSummary({ attempt }: { attempt: number }): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  const [items, setItems] = useState<Array<{ href: string; text: string }>>([]);
  const [shownFor, setShownFor] = useState(0);
  useLayoutEffect(() => {
    const form = box.current?.closest('form');
    if (!form || attempt === 0) return;
    const found: Array<{ href: string; text: string }> = [];
    for (const error of form.querySelectorAll<HTMLElement>('.error-text')) {
      if (error.closest('.error-summary')) continue;
      const field = error.closest('.field');
      const control =
        field?.querySelector<HTMLElement>('input, select, textarea') ??
        error.closest('fieldset')?.querySelector<HTMLElement>('input, select, textarea, button');
      const name =
        (control && labelOf(control)) ?? error.closest('fieldset')?.querySelector('legend')?.textContent?.trim();
      if (!control) continue;
      // Radio buttons of a group carry no id of their own: give the first one an id to link to.
      if (!control.id) control.id = `isian-${found.length + 1}-${attempt}`;
      found.push({
        href: `#${control.id}`,
        text: name ? `${name}: ${error.textContent ?? ''}` : (error.textContent ?? ''),
      });
    }
    setItems(found);
    setShownFor(attempt);
  }, [attempt]);
  useEffect(() => {
    if (shownFor > 0 && items.length > 0) box.current?.focus();
  }, [shownFor, items.length]);
  return (
    <div
      ref={box}
      className={items.length > 0 ? 'alert alert-error error-summary' : 'error-summary-anchor'}
      tabIndex={-1}
      aria-labelledby={items.length > 0 ? 'ringkasan-kesalahan' : undefined}
      hidden={items.length === 0}
    >
      {items.length > 0 ? (
        <>
          <h2 id="ringkasan-kesalahan">Ada {items.length} isian yang perlu diperbaiki</h2>
          <ul>
            {items.map((item) => (
              <li key={item.href}>
                <a
                  href={item.href}
                  onClick={(event) => {
                    event.preventDefault();
                    const target = document.querySelector<HTMLElement>(item.href);
                    target?.focus();
                    target?.scrollIntoView({ block: 'center' });
                  }}
                >
                  {item.text}
                </a>
              </li>
            ))}
          </ul>
        </>
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
    <div className={`alert alert-${tone}`} role="status" tabIndex={-1}>
      {children}
    </div>
  );
}

/** What the new-password fields say of the rules the server holds them to. */
export const PASSWORD_HINT =
  'Minimal 10 karakter. Jangan memakai kata sandi yang umum (mis. bismillah123) atau yang dibuat dari NIK, tanggal lahir, atau nama Anda.';

/** The server's refusal of one field (a 400 naming it), to show under the field like the page's own checks. */
export function serverProblem(error: unknown, field: string): Check | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const problem = error.errors.find((e) => e.field === field);
  return problem === undefined ? undefined : { error: problem.message };
}

/** The first error of a set of checks, to block sending. */
export function firstError(checks: Array<Check | undefined>): string | undefined {
  return checks.find((check) => check?.error)?.error;
}
