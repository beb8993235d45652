import { DomainError } from '../errors/index.js';
import { BLOOD_TYPE_LABELS, BloodType } from '../enums/population.js';
import { enumFromLabel, normalizeLabel } from './label-matching.js';
import { SIAK_BLOOD_TYPE, SIAK_EDUCATION, SIAK_OCCUPATION } from './siak-lists.data.js';

export interface SiakEntry<L extends string = string> {
  readonly code: number;
  readonly label: L;
}

/**
 * One official SIAK code list. The API stores and prints the canonical label
 * (`SLTA/SEDERAJAT`); input is accepted however it is cased or spaced around `/` and mapped
 * back to that label, so one value never appears in two spellings in the registry.
 */
export class LabelList<L extends string = string> {
  readonly labels: readonly L[];
  private readonly byNormalizedLabel = new Map<string, SiakEntry<L>>();
  private readonly byCode = new Map<number, SiakEntry<L>>();

  constructor(
    /** What the list is of, in Indonesian, for messages: `pendidikan`. */
    readonly name: string,
    readonly entries: readonly SiakEntry<L>[],
  ) {
    this.labels = entries.map((entry) => entry.label);
    for (const entry of entries) {
      this.byNormalizedLabel.set(normalizeLabel(entry.label), entry);
      this.byCode.set(entry.code, entry);
    }
  }

  /** The canonical label an input stands for, or `undefined`. */
  match(input: unknown): L | undefined {
    if (typeof input !== 'string') return undefined;
    // An input already in its normalized form (as exports usually write it) is found as it is:
    // normalizing it again would give the same text (normalizeLabel is idempotent).
    return (this.byNormalizedLabel.get(input) ?? this.byNormalizedLabel.get(normalizeLabel(input)))?.label;
  }

  /** The canonical label an input stands for; throws `LABEL.UNKNOWN` otherwise. */
  parse(input: unknown): L {
    const label = this.match(input);
    if (label === undefined)
      throw new DomainError('LABEL.UNKNOWN', `Isian tidak terdapat dalam daftar resmi ${this.name}`);
    return label;
  }

  /** The SIAK code of a label (matched as {@link match} does). */
  codeOf(input: unknown): number | undefined {
    return typeof input === 'string' ? this.byNormalizedLabel.get(normalizeLabel(input))?.code : undefined;
  }

  /** The canonical label of a SIAK code. */
  labelOf(code: number): L | undefined {
    return this.byCode.get(code)?.label;
  }
}

export type Education = (typeof SIAK_EDUCATION)[number]['label'];
export type Occupation = (typeof SIAK_OCCUPATION)[number]['label'];
export type SiakBloodTypeLabel = (typeof SIAK_BLOOD_TYPE)[number]['label'];

/** Pendidikan: the ten SIAK levels, `TIDAK/BELUM SEKOLAH` to `STRATA III`. */
export const EDUCATION_LIST = new LabelList<Education>('pendidikan', SIAK_EDUCATION);
/** Jenis pekerjaan: the 89 SIAK occupations. */
export const OCCUPATION_LIST = new LabelList<Occupation>('jenis pekerjaan', SIAK_OCCUPATION);
/** Golongan darah as SIAK labels them (`TIDAK TAHU` with a space). */
export const SIAK_BLOOD_TYPE_LIST = new LabelList<SiakBloodTypeLabel>('golongan darah', SIAK_BLOOD_TYPE);

/** The API blood type for an API name (`TIDAK_TAHU`) or a SIAK label (`tidak tahu`, `ab+`). */
export function bloodTypeFromLabel(input: string): BloodType | undefined {
  return enumFromLabel(BloodType, BLOOD_TYPE_LABELS, input);
}

/** The SIAK code of an API blood type (`A` → 1, `TIDAK_TAHU` → 13). */
export function siakBloodTypeCode(bloodType: BloodType): number {
  return SIAK_BLOOD_TYPE_LIST.codeOf(BLOOD_TYPE_LABELS[bloodType]) as number;
}
