// Placeholder: the web build (vite.config.mjs, plugin "disduk-region-codes") generates this
// module's content with the lists of the installed idn-area-data release, so the codes are
// never hand-typed. Empty here, so type-checking and tooling see an ordinary module.

/** idn-area-data's provinces.csv. */
export const provinces: string = 'code,name\n';
/** idn-area-data's regencies.csv. */
export const regencies: string = 'code,province_code,name\n';
/** District codes without names, grouped by regency: `16.02:01 02 03|16.03:01 ...`. */
export const districtCodes: string = '';
