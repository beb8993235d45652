import { DomainError, regionDirectory } from '#lib/domain';

/** The regency a village lies in; an unknown village is `REGION.UNKNOWN`. */
export function regencyOf(villageCode: string): string {
  const regency = regionDirectory().regencyOf(villageCode);
  if (!regency) throw new DomainError('REGION.UNKNOWN', 'Desa/kelurahan tidak dikenal');
  return regency.code;
}
