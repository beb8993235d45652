import { dateKey, parseIsoDate, todayKey } from '#lib/domain';
import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

export interface IsPastDateOptions {
  /** Whether today itself is accepted (a birth registered on the day it happened). Default true. */
  allowToday?: boolean;
}

function dateFault(value: unknown, allowToday: boolean): string | undefined {
  const date = parseIsoDate(value);
  if (date === undefined) return 'harus tanggal yang sah dengan format YYYY-MM-DD';
  const key = dateKey(date.year, date.month, date.day);
  // "Today" is today anywhere in Indonesia (the domain's calendar takes the easternmost zone).
  const today = todayKey();
  if (key > today || (!allowToday && key === today))
    return allowToday ? 'tidak boleh tanggal di masa depan' : 'harus tanggal sebelum hari ini';
  return undefined;
}

/** A real `YYYY-MM-DD` date that is not in the future (birth, marriage, issue dates). */
export function IsPastDate(dateOptions: IsPastDateOptions = {}, options?: ValidationOptions): PropertyDecorator {
  const allowToday = dateOptions.allowToday !== false;
  return ValidateBy(
    {
      name: 'isPastDate',
      validator: {
        validate: (value: unknown) => dateFault(value, allowToday) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          dateFault(args?.value, allowToday) ?? 'harus tanggal yang sudah lewat',
      },
    },
    options,
  );
}
