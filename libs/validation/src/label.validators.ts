import { LabelList } from '#lib/domain';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * One of an official list's labels (`EDUCATION_LIST`, `OCCUPATION_LIST`, or plain labels),
 * matched ignoring case and spaces around `/`. With the pipe's `transform: true` the value is
 * also rewritten to the canonical label, so "slta / sederajat" is stored as `SLTA/SEDERAJAT`.
 */
export function IsOneOfLabels(list: LabelList | readonly string[], options?: ValidationOptions): PropertyDecorator {
  const official = list instanceof LabelList;
  const labels = official
    ? list
    : new LabelList(
        'yang diizinkan',
        list.map((label, index) => ({ code: index + 1, label })),
      );
  // "daftar resmi pendidikan" for a SIAK list, "daftar yang diizinkan" for plain labels.
  const described = official ? `daftar resmi ${labels.name}` : `daftar ${labels.name}`;
  const canonical = (value: unknown): unknown => labels.match(value) ?? value;
  const each = options?.each === true;
  const transform = Transform(({ value }: { value: unknown }) =>
    each && Array.isArray(value) ? value.map(canonical) : canonical(value),
  );
  const validate = ValidateBy(
    {
      name: 'isOneOfLabels',
      constraints: [labels.name],
      validator: {
        validate: (value: unknown) => labels.match(value) !== undefined,
        defaultMessage: () => `harus salah satu isian ${described}, misalnya "${labels.labels[0]}"`,
      },
    },
    options,
  );
  return (target: object, propertyKey: string | symbol) => {
    transform(target, propertyKey);
    validate(target, propertyKey);
  };
}
