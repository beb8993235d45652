import { useState, type FormEvent } from 'react';

export interface FormSubmit {
  /** Presses of the submit button since the form (or its step) was shown: errors show after one. */
  attempt: number;
  /** Sending: the button says "Memproses…" and takes no second press. */
  busy: boolean;
  /** The server's refusal of the last send (ErrorBox), until the next send. */
  error: unknown;
  /**
   * The form's onSubmit: counts the press and stops at an `invalid` form (its fields and the
   * error summary say why); otherwise sends. A send that succeeds has moved on (navigated), so
   * the form stays busy; one that throws shows its error and the form is usable again.
   */
  submit: (event: FormEvent, invalid: boolean, send: () => Promise<void>) => Promise<void>;
  /** The next step of the same form (the second factor after the password): no press counted yet. */
  restart: () => void;
  clearError: () => void;
}

/** The state and submit handling every form of the pages repeats: presses, busy, the server's error. */
export function useFormSubmit(): FormSubmit {
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  return {
    attempt,
    busy,
    error,
    submit: async (event, invalid, send) => {
      event.preventDefault();
      setAttempt((n) => n + 1);
      if (invalid) return;
      setBusy(true);
      setError(undefined);
      try {
        await send();
      } catch (caught) {
        setError(caught);
        setBusy(false);
      }
    },
    restart: () => {
      setAttempt(0);
      setBusy(false);
    },
    clearError: () => setError(undefined),
  };
}
