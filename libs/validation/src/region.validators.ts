import { regionDirectory, type RegionLevel } from '#lib/domain';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Each level as Kemendagri names it, for messages. */
const LEVEL_NAMES: Record<RegionLevel, string> = {
  province: 'provinsi',
  regency: 'kabupaten/kota',
  district: 'kecamatan',
  village: 'desa/kelurahan',
};

const EXAMPLES: Record<RegionLevel, string> = {
  province: '16',
  regency: '16.02',
  district: '16.02.05',
  village: '16.02.05.1002',
};

/**
 * A known region code of one level, written dotted as idn-area-data and the API write it
 * (`16.02`). The compact form (`1602`) belongs inside NIKs, not in API fields: accepting both
 * would store one region under two spellings.
 */
export function IsRegionCode(level: RegionLevel, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRegionCode',
      constraints: [level],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && regionDirectory().find(value, level)?.code === value,
        defaultMessage: () =>
          `harus kode ${LEVEL_NAMES[level]} yang terdaftar, ditulis dengan titik, misalnya "${EXAMPLES[level]}"`,
      },
    },
    options,
  );
}

/** A known village (desa/kelurahan) code, e.g. `16.02.05.1002`. */
export function IsVillageCode(options?: ValidationOptions): PropertyDecorator {
  return IsRegionCode('village', options);
}
