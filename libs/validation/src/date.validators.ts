import { dateKey, parseIsoDate, todayKey } from '#lib/domain';
import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

export interface IsPastDateOptions {
  /** Whether today itself is accepted (a birth registered on the day it happened). Default true. */
  allowToday?: boolean;
}

function dateFault(value: unknown, allowToday: boolean): string | undefined {
  const date = parseIsoDate(value);
  if (date === undefined) return 'must be a real calendar date written YYYY-MM-DD';
  const key = dateKey(date.year, date.month, date.day);
  // "Today" is today anywhere in Indonesia (the domain's calendar takes the easternmost zone).
  const today = todayKey();
  if (key > today || (!allowToday && key === today))
    return allowToday ? 'must not be in the future' : 'must be before today';
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
        defaultMessage: (args?: ValidationArguments) => dateFault(args?.value, allowToday) ?? 'must be a past date',
      },
    },
    options,
  );
}
