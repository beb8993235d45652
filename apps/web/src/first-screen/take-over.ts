/**
 * The app taking over the screen index.html drew before its script arrived
 * (`first-screen.inline.js`): what the person typed, where their cursor was, and a press on
 * "Masuk" are read from that markup just before the app replaces it, in the same task, so no
 * keystroke falls between the two; the app's login starts from those values and completes the
 * press, and the cursor goes back where it was.
 */
interface Captured {
  values: Map<string, string>;
  /** The focused element's key (`name` of a field, `href` of a link, or the submit button). */
  focus?: { key: string; start: number | null; end: number | null };
  submitted: boolean;
}

let captured: Captured | undefined;
let focusPending = false;

const keyOf = (element: Element | null): string | undefined => {
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    return element.name ? `[name="${element.name}"]` : undefined;
  }
  if (element instanceof HTMLButtonElement && element.type === 'submit') return 'main button[type="submit"]';
  if (element instanceof HTMLAnchorElement) {
    const href = element.getAttribute('href');
    const area = element.closest('header') ? 'header' : element.closest('footer') ? 'footer' : 'main';
    return href ? `${area} a[href="${href}"]` : undefined;
  }
  return undefined;
};

/** Reads the pre-rendered screen, if #root shows one. Call right before the first render. */
export function captureFirstScreen(root: HTMLElement): void {
  if (!root.hasAttribute('data-first-screen')) return;
  const values = new Map<string, string>();
  for (const field of root.querySelectorAll<HTMLInputElement>('input[name]')) values.set(field.name, field.value);
  const active = document.activeElement;
  const key = active && root.contains(active) ? keyOf(active) : undefined;
  const selection =
    active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
      ? { start: selectionOf(active, 'selectionStart'), end: selectionOf(active, 'selectionEnd') }
      : { start: null, end: null };
  captured = {
    values,
    focus: key ? { key, ...selection } : undefined,
    submitted: root.querySelector('form[data-submitted]') !== null,
  };
  focusPending = captured.focus !== undefined;
}

// Some input types (email, number) throw on reading the selection.
function selectionOf(field: HTMLInputElement | HTMLTextAreaElement, which: 'selectionStart' | 'selectionEnd') {
  try {
    return field[which];
  } catch {
    return null;
  }
}

/** What the person typed into the pre-rendered field `name` ('' when nothing). */
export function firstScreenValue(name: string): string {
  return captured?.values.get(name) ?? '';
}

/** True once if "Masuk" was pressed on the pre-rendered form: the app completes that press. */
export function takeFirstScreenSubmit(): boolean {
  const submitted = captured?.submitted ?? false;
  if (captured) captured.submitted = false;
  return submitted;
}

/**
 * True once if the cursor goes back where it was: the layout's first screen then leaves focus
 * alone instead of moving it to the heading (whether React runs that effect before or after
 * `restoreFirstScreenFocus`).
 */
export function firstScreenKeepsFocus(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

/** Puts the cursor back on the app's copy of the element that had it. Call right after the render. */
export function restoreFirstScreenFocus(root: HTMLElement): void {
  const focus = captured?.focus;
  root.removeAttribute('data-first-screen');
  if (!focus) return;
  const target = root.querySelector<HTMLElement>(focus.key);
  if (!target) return;
  target.focus({ preventScroll: true });
  if (
    (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) &&
    focus.start !== null &&
    focus.end !== null
  ) {
    try {
      target.setSelectionRange(focus.start, focus.end);
    } catch {
      // a type without a selection
    }
  }
}
