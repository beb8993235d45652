/**
 * Official labels are matched the way SIAK exports and hand-typed spreadsheets spell them:
 * ignoring case, runs of spaces and spaces around `/` ("slta / sederajat" is
 * `SLTA/SEDERAJAT`) and after a full stop (`S.MUDA` is `S. MUDA`). Nothing else is forgiven: a misspelt label is not guessed at.
 */
export function normalizeLabel(label: string): string {
  return (
    label
      .trim()
      .replace(/\s+/g, ' ')
      .replace(/ ?\/ ?/g, '/')
      // "S.MUDA" and "S. MUDA" are the same abbreviation: a space after a full stop is optional.
      .replace(/\. (?=\S)/g, '.')
      .toUpperCase()
  );
}

/** An enumeration as a plain `as const` object of upper-case names. */
export type EnumObject = Readonly<Record<string, string>>;
export type EnumValue<E extends EnumObject> = E[keyof E];

export function enumValues<E extends EnumObject>(enumObject: E): EnumValue<E>[] {
  return Object.values(enumObject) as EnumValue<E>[];
}

export function isEnumValue<E extends EnumObject>(enumObject: E, value: unknown): value is EnumValue<E> {
  return typeof value === 'string' && Object.values(enumObject).includes(value);
}

/**
 * The enum value for either its API name (`KEPALA_KELUARGA`) or its printed label
 * (`Kepala Keluarga`), compared as {@link normalizeLabel} does; `undefined` when neither.
 * Used when importing registry exports, which carry printed labels.
 */
export function enumFromLabel<E extends EnumObject>(
  enumObject: E,
  labels: Readonly<Record<EnumValue<E>, string>>,
  input: string,
): EnumValue<E> | undefined {
  const wanted = normalizeLabel(input);
  for (const value of enumValues(enumObject)) {
    if (value === wanted || normalizeLabel(labels[value]) === wanted) return value;
  }
  return undefined;
}
