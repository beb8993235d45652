import { regionDirectory } from '#lib/domain';

export interface Issuer {
  regencyCode: string;
  /** `KABUPATEN OGAN KOMERING ILIR` */
  regencyName: string;
  /** `Dinas Kependudukan dan Pencatatan Sipil Kabupaten Ogan Komering Ilir`, for the public page. */
  officeName: string;
  /** `Ogan Komering Ilir`: printed as the place of issue. */
  place: string;
}

/** The issuing office of a regency, named from idn-area-data. */
export function issuerOf(regencyCode: string): Issuer {
  const regency = regionDirectory().find(regencyCode, 'regency');
  const upperName = regency?.upperName ?? regencyCode;
  const titled = upperName.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  return {
    regencyCode,
    regencyName: upperName,
    officeName: `Dinas Kependudukan dan Pencatatan Sipil ${titled}`,
    place: titled.replace(/^(Kabupaten|Kota|Kab\.) /, ''),
  };
}
