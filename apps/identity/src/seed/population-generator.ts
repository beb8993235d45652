import {
  BloodType,
  Citizenship,
  dateKey,
  EDUCATION_LIST,
  formatFamilyCardNumber,
  formatIsoDate,
  formatNik,
  MaritalStatus,
  OCCUPATION_LIST,
  parseIsoDate,
  PersonStatus,
  regionDirectory,
  Relationship,
  Religion,
  Sex,
  type Region,
} from '#lib/domain';
import { FEMALE_NAMES, MALE_NAMES, SECOND_NAMES, STREET_NAMES } from './indonesian-names.data.js';
import { Prng } from './prng.js';
import type { PersonView } from '#lib/contracts';

/**
 * Synthetic, plausible families of one regency (never real people): a head, usually a spouse,
 * children born to the mother's plausible ages, sometimes a widowed parent. Each NIK encodes the
 * district where the person was first registered, their birth date and sex (+40), with serials
 * unique per district, date and sex; each No. KK its district and issue date. Religion,
 * education, occupation and marital status follow age. Same seed, same population.
 */
/** A person as API.md shows one (without passport or KITAP), always in a family. */
export type SyntheticPerson = Omit<PersonView, 'passportNumber' | 'kitapNumber' | 'relationship'> & {
  relationship: Relationship;
};

export interface SyntheticFamily {
  familyCardNumber: string;
  address: string;
  rt: string;
  rw: string;
  villageCode: string;
  postalCode: string;
  members: SyntheticPerson[];
}

export interface PopulationOptions {
  regencyCode: string;
  seed: number;
  /** Ages are reckoned against this date, not today, so the output never drifts. */
  referenceDate?: string;
}

interface District {
  region: Region;
  villages: Region[];
  postalCode: string;
}

const EDUCATION = Object.fromEntries(EDUCATION_LIST.entries.map((e) => [e.code, e.label])) as Record<number, string>;

function occupation(label: string): string {
  // Checked against the official list once, at load: a typo here fails at start, not in data.
  return OCCUPATION_LIST.parse(label);
}

const OCC = {
  NONE: occupation('BELUM/TIDAK BEKERJA'),
  HOUSEWORK: occupation('MENGURUS RUMAH TANGGA'),
  STUDENT: occupation('PELAJAR/MAHASISWA'),
  RETIRED: occupation('PENSIUNAN'),
  CIVIL_SERVANT: occupation('PEGAWAI NEGERI SIPIL (PNS)'),
  FARMER: occupation('PETANI/PEKEBUN'),
  FISHER: occupation('NELAYAN/PERIKANAN'),
  TRADE: occupation('PERDAGANGAN'),
  PRIVATE: occupation('KARYAWAN SWASTA'),
  HONORARY: occupation('KARYAWAN HONORER'),
  SELF_EMPLOYED: occupation('WIRASWASTA'),
  FARM_LABOURER: occupation('BURUH TANI/PERKEBUNAN'),
  DAILY_LABOURER: occupation('BURUH HARIAN LEPAS'),
  TEACHER: occupation('GURU'),
  DRIVER: occupation('SOPIR'),
  TRADER: occupation('PEDAGANG'),
};

const RELIGIONS: ReadonlyArray<readonly [Religion, number]> = [
  [Religion.ISLAM, 960],
  [Religion.KRISTEN, 18],
  [Religion.KATOLIK, 10],
  [Religion.BUDDHA, 8],
  [Religion.HINDU, 3],
  [Religion.KHONGHUCU, 1],
];

const BLOOD_TYPES: ReadonlyArray<readonly [BloodType, number]> = [
  [BloodType.O, 30],
  [BloodType.A, 22],
  [BloodType.B, 24],
  [BloodType.AB, 6],
  [BloodType.O_POSITIVE, 3],
  [BloodType.A_POSITIVE, 2],
  [BloodType.B_POSITIVE, 2],
  [BloodType.TIDAK_TAHU, 11],
];

function hashCode(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

export class PopulationGenerator {
  private readonly random: Prng;
  private readonly districts: District[];
  private readonly referenceKey: number;
  private readonly reference: { year: number; month: number; day: number };
  private readonly referenceDate: string;
  /** Next serial per NIK / No. KK prefix, so every number is unique. */
  private readonly serials = new Map<string, number>();

  constructor(private readonly options: PopulationOptions) {
    const regions = regionDirectory();
    const regency = regions.find(options.regencyCode, 'regency');
    if (regency === undefined) throw new Error(`Unknown regency code "${options.regencyCode}"`);
    this.districts = regions
      .childrenOf(regency.code)
      .map((region) => ({
        region,
        villages: regions.childrenOf(region.code),
        // idn-area-data has no postal codes: a fixed synthetic one per district.
        postalCode: String(30000 + (hashCode(region.code) % 69999)).padStart(5, '0'),
      }))
      .filter((district) => district.villages.length > 0);
    if (this.districts.length === 0) throw new Error(`Regency "${options.regencyCode}" has no villages`);
    this.random = new Prng(options.seed);
    this.referenceDate = options.referenceDate ?? '2025-06-30';
    const reference = parseIsoDate(this.referenceDate);
    if (reference === undefined) throw new Error(`Bad reference date "${this.referenceDate}"`);
    this.reference = reference;
    this.referenceKey = dateKey(reference.year, reference.month, reference.day);
  }

  /** Families until at least `people` people have been made. */
  *families(people: number): Generator<SyntheticFamily> {
    let made = 0;
    while (made < people) {
      const family = this.family();
      made += family.members.length;
      yield family;
    }
  }

  family(): SyntheticFamily {
    const r = this.random;
    const district = r.pick(this.districts);
    const village = r.pick(district.villages);
    const religion = r.weighted(RELIGIONS);
    const kind = r.weighted([
      ['couple', 78],
      ['single-parent', 9],
      ['single', 8],
      ['elderly', 5],
    ] as const);
    const members: SyntheticPerson[] = [];

    const headMale = kind === 'couple' ? r.chance(0.97) : r.chance(0.45);
    const headAge = kind === 'single' ? r.int(20, 38) : kind === 'elderly' ? r.int(62, 85) : r.int(24, 68);
    const head = this.person({
      sex: headMale ? Sex.LAKI_LAKI : Sex.PEREMPUAN,
      age: headAge,
      relationship: Relationship.KEPALA_KELUARGA,
      district,
      religion,
      movedIn: r.chance(0.25),
    });
    members.push(head);

    let mother: SyntheticPerson | undefined;
    let father: SyntheticPerson | undefined;
    if (headMale) father = head;
    else mother = head;

    let marriageDate: string | undefined;
    if (kind === 'couple') {
      const spouseAge = Math.max(19, headAge + (headMale ? -r.int(0, 9) : r.int(0, 6)));
      const spouse = this.person({
        sex: headMale ? Sex.PEREMPUAN : Sex.LAKI_LAKI,
        age: spouseAge,
        relationship: headMale ? Relationship.ISTRI : Relationship.SUAMI,
        district,
        religion,
        movedIn: r.chance(0.4),
      });
      const youngerAge = Math.min(headAge, spouseAge);
      const marriedAtAge = r.int(19, Math.max(19, Math.min(30, youngerAge)));
      marriageDate = this.dateYearsAfter(
        headMale ? spouse.birthDate : head.birthDate,
        marriedAtAge - (headMale ? 0 : 0),
      );
      if (marriageDate > this.referenceDate) marriageDate = this.referenceDate;
      const status = r.chance(0.93) ? MaritalStatus.KAWIN_TERCATAT : MaritalStatus.KAWIN_BELUM_TERCATAT;
      for (const partner of [head, spouse]) {
        partner.maritalStatus = status;
        if (status === MaritalStatus.KAWIN_TERCATAT) partner.marriageDate = marriageDate;
      }
      members.push(spouse);
      if (headMale) mother = spouse;
      else father = spouse;
    } else if (kind === 'single-parent') {
      head.maritalStatus = r.chance(0.6) ? MaritalStatus.CERAI_MATI : MaritalStatus.CERAI_HIDUP_TERCATAT;
    } else if (kind === 'elderly') {
      head.maritalStatus = r.chance(0.7) ? MaritalStatus.CERAI_MATI : MaritalStatus.KAWIN_TERCATAT;
      if (head.occupation !== OCC.FARMER) head.occupation = r.chance(0.5) ? OCC.RETIRED : OCC.NONE;
    }

    if (kind === 'couple' || kind === 'single-parent') {
      const motherBirth = (mother ?? head).birthDate;
      const earliest = marriageDate ?? this.dateYearsAfter(motherBirth, 19);
      const latest = this.dateYearsAfter(motherBirth, 42);
      const children = r.weighted([
        [0, 10],
        [1, 22],
        [2, 30],
        [3, 22],
        [4, 11],
        [5, 5],
      ] as const);
      let born = earliest;
      for (let i = 0; i < children; i++) {
        const birthDate = this.dateDaysAfter(born, r.int(300, 1600));
        if (birthDate > this.referenceDate || birthDate > latest) break;
        born = birthDate;
        const child = this.person({
          sex: r.chance(0.51) ? Sex.LAKI_LAKI : Sex.PEREMPUAN,
          birthDate,
          relationship: Relationship.ANAK,
          district,
          religion,
          movedIn: false,
        });
        child.fatherName = father?.fullName ?? this.fullName(Sex.LAKI_LAKI);
        child.motherName = mother?.fullName ?? this.fullName(Sex.PEREMPUAN);
        members.push(child);
      }
    }

    if (kind === 'couple' && r.chance(0.08)) {
      const parentAge = Math.min(95, headAge + r.int(20, 34));
      const parent = this.person({
        sex: r.chance(0.7) ? Sex.PEREMPUAN : Sex.LAKI_LAKI,
        age: parentAge,
        relationship: r.chance(0.6) ? Relationship.ORANG_TUA : Relationship.MERTUA,
        district,
        religion,
        movedIn: r.chance(0.5),
      });
      parent.maritalStatus = MaritalStatus.CERAI_MATI;
      parent.occupation = r.chance(0.6) ? OCC.NONE : OCC.FARMER;
      if (parent.relationship === Relationship.ORANG_TUA) {
        if (parent.sex === Sex.PEREMPUAN) head.motherName = parent.fullName;
        else head.fatherName = parent.fullName;
      }
      members.push(parent);
    }

    const issueFloor = marriageDate !== undefined && marriageDate > '2005-01-01' ? marriageDate : '2005-01-01';
    const issueDate = this.dateBetween(issueFloor, this.referenceDate);
    const familyCardNumber = this.nextNumber('KK', (serial) =>
      formatFamilyCardNumber(
        { districtCode: district.region.code, issueDate, serial },
        { referenceDate: this.referenceDate },
      ),
    );
    return {
      familyCardNumber,
      address: r.chance(0.5)
        ? `JL. ${r.pick(STREET_NAMES)} NO. ${r.int(1, 250)}`
        : `DUSUN ${['I', 'II', 'III', 'IV', 'V', 'VI'][r.int(0, 5)]}`,
      rt: String(r.int(1, 25)).padStart(3, '0'),
      rw: String(r.int(1, 9)).padStart(3, '0'),
      villageCode: village.code,
      postalCode: district.postalCode,
      members,
    };
  }

  private person(spec: {
    sex: Sex;
    age?: number;
    birthDate?: string;
    relationship: Relationship;
    district: District;
    religion: Religion;
    /** First registered in another district of the regency (moved in later in life). */
    movedIn: boolean;
  }): SyntheticPerson {
    const r = this.random;
    const birthDate = spec.birthDate ?? this.birthDateForAge(spec.age ?? 30);
    const origin = spec.movedIn ? r.pick(this.districts) : spec.district;
    const nik = this.nextNumber('NIK', (serial) =>
      formatNik(
        { districtCode: origin.region.code, birthDate, sex: spec.sex, serial },
        { referenceDate: this.referenceDate },
      ),
    );
    const age = this.ageOn(birthDate);
    return {
      nik,
      fullName: this.fullName(spec.sex),
      sex: spec.sex,
      birthPlace: r.chance(0.9) ? origin.region.upperName : r.pick(['PALEMBANG', 'KAYU AGUNG', 'LAMPUNG', 'JAKARTA']),
      birthDate,
      religion: r.chance(0.99) ? spec.religion : r.weighted(RELIGIONS),
      education: this.education(age),
      occupation: this.occupation(age, spec.sex, spec.relationship),
      bloodType: r.weighted(BLOOD_TYPES),
      maritalStatus: MaritalStatus.BELUM_KAWIN,
      relationship: spec.relationship,
      citizenship: Citizenship.WNI,
      fatherName: this.fullName(Sex.LAKI_LAKI),
      motherName: this.fullName(Sex.PEREMPUAN),
      status: PersonStatus.ACTIVE,
    };
  }

  private fullName(sex: Sex): string {
    const r = this.random;
    const first = r.pick(sex === Sex.LAKI_LAKI ? MALE_NAMES : FEMALE_NAMES);
    return r.chance(0.65) ? `${first} ${r.pick(SECOND_NAMES)}` : first;
  }

  private education(age: number): string {
    const r = this.random;
    if (age < 6) return EDUCATION[1];
    if (age < 13) return EDUCATION[2];
    if (age < 16) return r.chance(0.8) ? EDUCATION[3] : EDUCATION[2];
    if (age < 19) return r.chance(0.75) ? EDUCATION[4] : EDUCATION[3];
    const level = r.weighted([
      [1, age > 60 ? 12 : 2],
      [2, age > 50 ? 12 : 4],
      [3, age > 50 ? 30 : 18],
      [4, 22],
      [5, age > 55 ? 15 : 35],
      [6, 3],
      [7, 4],
      [8, age > 22 ? 10 : 0],
      [9, age > 25 ? 1.2 : 0],
      [10, age > 30 ? 0.1 : 0],
    ] as const);
    return EDUCATION[level];
  }

  private occupation(age: number, sex: Sex, relationship: Relationship): string {
    const r = this.random;
    if (age < 6) return OCC.NONE;
    if (age < 19) return OCC.STUDENT;
    if (age < 23 && r.chance(0.4)) return OCC.STUDENT;
    if (age >= 65) return r.chance(0.5) ? OCC.NONE : r.chance(0.5) ? OCC.FARMER : OCC.RETIRED;
    if (sex === Sex.PEREMPUAN && relationship !== Relationship.KEPALA_KELUARGA && r.chance(0.55)) return OCC.HOUSEWORK;
    return r.weighted([
      [OCC.FARMER, 34],
      [OCC.FARM_LABOURER, 10],
      [OCC.SELF_EMPLOYED, 14],
      [OCC.TRADER, 6],
      [OCC.TRADE, 3],
      [OCC.PRIVATE, 9],
      [OCC.FISHER, 4],
      [OCC.DAILY_LABOURER, 6],
      [OCC.CIVIL_SERVANT, 3],
      [OCC.TEACHER, 2],
      [OCC.HONORARY, 2],
      [OCC.DRIVER, 2],
      [OCC.NONE, 5],
    ] as const);
  }

  /** A NIK or No. KK from the next free serial of its prefix. */
  private nextNumber(kind: string, format: (serial: number) => string): string {
    const prefix = `${kind}:${format(1).slice(0, 12)}`;
    const serial = (this.serials.get(prefix) ?? 0) + 1;
    if (serial > 9999) throw new Error(`Serials exhausted for ${prefix}`);
    this.serials.set(prefix, serial);
    return format(serial);
  }

  private birthDateForAge(age: number): string {
    const { year, month, day } = this.reference;
    const latest = formatIsoDate(year - age, month, Math.min(day, 28));
    return this.dateDaysAfter(latest, -this.random.int(0, 364));
  }

  private ageOn(birthDate: string): number {
    const birth = parseIsoDate(birthDate) as { year: number; month: number; day: number };
    const { year, month, day } = this.reference;
    return year - birth.year - (month * 100 + day < birth.month * 100 + birth.day ? 1 : 0);
  }

  private dateYearsAfter(date: string, years: number): string {
    const d = parseIsoDate(date) as { year: number; month: number; day: number };
    return this.clamp(formatIsoDate(d.year + years, d.month, Math.min(d.day, 28)));
  }

  private dateDaysAfter(date: string, days: number): string {
    const d = parseIsoDate(date) as { year: number; month: number; day: number };
    const shifted = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * 86_400_000);
    return formatIsoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  }

  private dateBetween(from: string, to: string): string {
    const a = parseIsoDate(from) as { year: number; month: number; day: number };
    const b = parseIsoDate(to) as { year: number; month: number; day: number };
    const span = Math.max(
      0,
      Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000),
    );
    return this.dateDaysAfter(from, this.random.int(0, span));
  }

  private clamp(date: string): string {
    const d = parseIsoDate(date) as { year: number; month: number; day: number };
    return dateKey(d.year, d.month, d.day) > this.referenceKey ? this.referenceDate : date;
  }
}
