// The rule every form shares, in a module of its own: text-rules.ts needs it without rules.ts,
// which installs the region lists (a page that checks only free text never downloads them).
export interface Check {
  error?: string;
  /** Not a rejection: e.g. a district code split or renamed after the NIK was issued. */
  warning?: string;
}

/** `label` is how the form names the field ("Tempat lahir"); a value of spaces only counts as empty. */
export function checkRequired(value: string, label: string): Check {
  return value.trim() === '' ? { error: `${label} wajib diisi.` } : {};
}
