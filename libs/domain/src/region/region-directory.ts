import { ancestorCompactCode, dottedRegionCode, normalizeRegionCode, RegionLevel } from './region-code.js';

/** One province, regency/city, district (kecamatan) or village (desa/kelurahan). */
export interface Region {
  /** Dotted, as in idn-area-data and the API: `16.02.05`. */
  code: string;
  /** Digits only, as inside a NIK: `160205`. */
  compactCode: string;
  level: RegionLevel;
  /** For screens: `Kabupaten Ogan Komering Ilir`, `Kayu Agung`. */
  name: string;
  /** For documents, which print region names in capitals: `KABUPATEN OGAN KOMERING ILIR`. */
  upperName: string;
  /** Dotted code of the region one level up; `null` for a province. */
  parentCode: string | null;
}

/** A region with the regions above it (the lines printed on a Kartu Keluarga). */
export interface RegionLineage {
  province: Region;
  regency?: Region;
  district?: Region;
  village?: Region;
}

/**
 * The CSV texts of idn-area-data (`code,name` for provinces, `code,parent_code,name` below).
 * Villages are 84 thousand rows most processes never ask about, so they are read on demand.
 */
export interface RegionSource {
  provinces: string;
  regencies: string;
  districts: string;
  villages: () => string;
}

// idn-area-data 3 spelled provinces and regencies in capitals ("DKI JAKARTA"); these words stay
// capitals on screen when such a release is read.
const ACRONYMS = new Set(['DKI']);

function displayName(sourceName: string): string {
  // Since idn-area-data 4 every level comes in its own mixed case ("Kabupaten Ogan Komering
  // Ilir", "Kayu Agung", "Grong-grong"): keep it exactly as the source spells it.
  if (sourceName !== sourceName.toUpperCase()) return sourceName;
  return sourceName
    .split(' ')
    .map((word) => (ACRONYMS.has(word) ? word : word.charAt(0) + word.slice(1).toLowerCase()))
    .join(' ');
}

function unquote(field: string): string {
  // RFC 4180 quoting, should a future release quote a name that contains a comma.
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"')
    ? field.slice(1, -1).replaceAll('""', '"')
    : field;
}

function* csvRows(
  csv: string,
  hasParent: boolean,
): Generator<{ code: string; parentCode: string | null; name: string }> {
  const lines = csv.split('\n');
  // Line 0 is the header.
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line === '') continue;
    const first = line.indexOf(',');
    const second = hasParent ? line.indexOf(',', first + 1) : first;
    if (first < 0 || second < 0) throw new Error(`Malformed region CSV line ${i + 1}: "${line}"`);
    yield {
      code: line.slice(0, first),
      parentCode: hasParent ? line.slice(first + 1, second) : null,
      name: unquote(line.slice(second + 1)),
    };
  }
}

/**
 * Every region of Indonesia, indexed by compact code for constant-time lookups. The NIK and
 * No. KK parsers sit on hot paths, so provinces, regencies and districts are also kept as bit
 * tables indexed by the code's integer value (`1602` → slot 1602): no string is built to check
 * one.
 */
export class RegionDirectory {
  private readonly byCompactCode = new Map<string, Region>();
  /** The same regions by their dotted code, the form stored and imported: found without parsing. */
  private readonly byDottedCode = new Map<string, Region>();
  private readonly byLevel: Record<RegionLevel, Region[]> = { province: [], regency: [], district: [], village: [] };
  private readonly childrenByParentCode = new Map<string, Region[]>();
  private readonly knownProvinces = new Uint8Array(100);
  private readonly knownRegencies = new Uint8Array(10_000);
  private readonly knownDistricts = new Uint8Array(1_000_000);
  /** Dotted codes by integer value, so a parser can return `16.02` without concatenating. */
  private readonly dottedRegencies = new Map<number, string>();
  private readonly dottedDistricts = new Map<number, string>();
  private villageSource: (() => string) | undefined;

  private constructor(source: RegionSource) {
    this.add(source.provinces, RegionLevel.PROVINCE, false);
    this.add(source.regencies, RegionLevel.REGENCY, true);
    this.add(source.districts, RegionLevel.DISTRICT, true);
    this.villageSource = source.villages;
  }

  static fromCsv(source: RegionSource): RegionDirectory {
    return new RegionDirectory(source);
  }

  private add(csv: string, level: RegionLevel, hasParent: boolean): void {
    for (const row of csvRows(csv, hasParent)) {
      const normalized = normalizeRegionCode(row.code);
      if (normalized?.level !== level) throw new Error(`Region code "${row.code}" is not a ${level} code`);
      const region: Region = {
        code: normalized.dotted,
        compactCode: normalized.compact,
        level,
        name: displayName(row.name),
        upperName: row.name.toUpperCase(),
        parentCode: row.parentCode,
      };
      this.byCompactCode.set(region.compactCode, region);
      this.byDottedCode.set(region.code, region);
      this.byLevel[level].push(region);
      if (row.parentCode !== null) {
        const siblings = this.childrenByParentCode.get(row.parentCode);
        if (siblings === undefined) this.childrenByParentCode.set(row.parentCode, [region]);
        else siblings.push(region);
      }
      const value = Number(region.compactCode);
      if (level === RegionLevel.PROVINCE) this.knownProvinces[value] = 1;
      else if (level === RegionLevel.REGENCY) {
        this.knownRegencies[value] = 1;
        this.dottedRegencies.set(value, region.code);
      } else if (level === RegionLevel.DISTRICT) {
        this.knownDistricts[value] = 1;
        this.dottedDistricts.set(value, region.code);
      }
    }
  }

  private loadVillages(): void {
    const source = this.villageSource;
    if (source === undefined) return;
    this.villageSource = undefined;
    this.add(source(), RegionLevel.VILLAGE, true);
  }

  /** The region of a code, dotted or compact, at any level; `undefined` when unknown. */
  get(code: string): Region | undefined {
    const dotted = this.byDottedCode.get(code);
    if (dotted !== undefined) return dotted;
    const normalized = normalizeRegionCode(code);
    if (normalized === undefined) return undefined;
    if (normalized.level === RegionLevel.VILLAGE) this.loadVillages();
    return this.byCompactCode.get(normalized.compact);
  }

  /** The region of a code when it is a known region of exactly that level. */
  find(code: string, level: RegionLevel): Region | undefined {
    const region = this.get(code);
    return region?.level === level ? region : undefined;
  }

  has(code: string, level?: RegionLevel): boolean {
    return (level === undefined ? this.get(code) : this.find(code, level)) !== undefined;
  }

  /**
   * A region and the regions above it: the village's district, regency and province. Returns
   * `undefined` for an unknown code.
   */
  lineage(code: string): RegionLineage | undefined {
    const region = this.get(code);
    if (region === undefined) return undefined;
    const at = (level: RegionLevel): Region | undefined =>
      this.byCompactCode.get(ancestorCompactCode(region.compactCode, level));
    const lineage: RegionLineage = { province: at(RegionLevel.PROVINCE) as Region };
    if (region.level !== RegionLevel.PROVINCE) lineage.regency = at(RegionLevel.REGENCY);
    if (region.level === RegionLevel.DISTRICT || region.level === RegionLevel.VILLAGE)
      lineage.district = at(RegionLevel.DISTRICT);
    if (region.level === RegionLevel.VILLAGE) lineage.village = region;
    return lineage;
  }

  /** Every region of one level, in the source's order (codes ascending). */
  list(level: RegionLevel): Region[] {
    if (level === RegionLevel.VILLAGE) this.loadVillages();
    return [...this.byLevel[level]];
  }

  /** The regions one level below a code (a regency's districts, a district's villages). */
  childrenOf(code: string): Region[] {
    const parent = this.get(code);
    if (parent === undefined || parent.level === RegionLevel.VILLAGE) return [];
    if (parent.level === RegionLevel.DISTRICT) this.loadVillages();
    return [...(this.childrenByParentCode.get(parent.code) ?? [])];
  }

  /** The regency/city a regency, district or village belongs to. */
  regencyOf(code: string): Region | undefined {
    const region = this.get(code);
    if (region === undefined || region.level === RegionLevel.PROVINCE) return undefined;
    return this.byCompactCode.get(ancestorCompactCode(region.compactCode, RegionLevel.REGENCY));
  }

  /** The province any known region belongs to. */
  provinceOf(code: string): Region | undefined {
    return this.lineage(code)?.province;
  }

  // Hot-path checks on integer codes (the digits of a NIK read as a number).

  isKnownProvince(provinceNumber: number): boolean {
    return this.knownProvinces[provinceNumber] === 1;
  }

  isKnownRegency(regencyNumber: number): boolean {
    return this.knownRegencies[regencyNumber] === 1;
  }

  isKnownDistrict(districtNumber: number): boolean {
    return this.knownDistricts[districtNumber] === 1;
  }

  /** `16.02` for 1602, without building a string when the regency is known. */
  dottedRegencyCode(regencyNumber: number): string {
    return this.dottedRegencies.get(regencyNumber) ?? dottedRegionCode(String(regencyNumber).padStart(4, '0'));
  }

  /** `16.02.05` for 160205, without building a string when the district is known. */
  dottedDistrictCode(districtNumber: number): string {
    return this.dottedDistricts.get(districtNumber) ?? dottedRegionCode(String(districtNumber).padStart(6, '0'));
  }
}
