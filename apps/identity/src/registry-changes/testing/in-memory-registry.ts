import type { AssignFamilyCardNumberReply, AssignNikReply, RegistryChangeAppliedEvent } from '#lib/contracts';
import type { MaritalStatus, PersonStatus, Relationship } from '#lib/domain';
import type { IdentifierService } from '../../identifiers/identifier.service.js';
import type { RegistryRepository } from '../../registry/registry.repository.js';
import type { FamilyRow, FamilyWithMembers, PersonRow } from '../../registry/registry.rows.js';
import type {
  AppliedChange,
  ChangeResult,
  CurrentFamily,
  FamilyFields,
  NewPerson,
  PersonChanges,
  RegistryChangeRepository,
  RegistryWriter,
} from '../registry-change.repository.js';

type Person = Omit<PersonRow, 'relationship' | 'family_card_number' | 'regency_code'>;

interface Membership {
  familyCardNumber: string;
  nik: string;
  relationship: string;
  joinedAt: Date;
  leftAt: Date | null;
}

interface State {
  people: Map<string, Person>;
  families: Map<string, FamilyRow>;
  memberships: Membership[];
  applied: Map<string, AppliedChange>;
  identifiers: Map<string, string>;
  /** The outbox, one event per dedup key. */
  announced: Map<string, RegistryChangeAppliedEvent>;
}

/**
 * The identity database in memory — people, families, memberships, applied changes, reserved
 * identifiers and the outbox — for the registry-change service's unit tests. `applyOnce` works
 * on a copy and keeps it only when the writes succeed, as the real transaction does.
 */
export class InMemoryRegistry {
  state: State = {
    people: new Map(),
    families: new Map(),
    memberships: [],
    applied: new Map(),
    identifiers: new Map(),
    announced: new Map(),
  };
  private serial = 0;

  addFamily(family: FamilyRow, members: Array<Person & { relationship: string }>): void {
    this.state.families.set(family.family_card_number, family);
    for (const { relationship, ...person } of members) {
      this.state.people.set(person.nik, person);
      this.state.memberships.push({
        familyCardNumber: family.family_card_number,
        nik: person.nik,
        relationship,
        joinedAt: new Date('2015-01-12T00:00:00Z'),
        leftAt: null,
      });
    }
  }

  /** `RegistryRepository`'s reads. */
  registry(): RegistryRepository {
    const reads: Pick<RegistryRepository, 'findFamily' | 'findPerson'> = {
      findFamily: (familyCardNumber) => Promise.resolve(familyOf(this.state, familyCardNumber)),
      findPerson: (nik) => {
        const person = this.state.people.get(nik);
        if (!person) return Promise.resolve(undefined);
        const membership = this.state.memberships.find((m) => m.nik === nik && m.leftAt === null);
        const family = membership && this.state.families.get(membership.familyCardNumber);
        return Promise.resolve({
          ...person,
          relationship: membership?.relationship ?? null,
          family_card_number: membership?.familyCardNumber ?? null,
          regency_code: family?.regency_code ?? null,
        });
      },
    };
    return reads as RegistryRepository;
  }

  /** `RegistryChangeRepository` over this state. */
  changes(): RegistryChangeRepository {
    const changes: Pick<RegistryChangeRepository, keyof RegistryChangeRepository> = {
      findApplied: (applicationId) => Promise.resolve(this.state.applied.get(applicationId)),
      reserveIdentifier: async (applicationId, purpose, assign) => {
        const key = `${applicationId}:${purpose}`;
        const existing = this.state.identifiers.get(key);
        if (existing) return existing;
        const value = await assign();
        this.state.identifiers.set(key, value);
        return value;
      },
      applyOnce: async (applicationId, type, write) => {
        const again = this.state.applied.get(applicationId);
        if (again) return again;
        const draft = structuredClone(this.state);
        const result: ChangeResult = await write(new InMemoryWriter(draft));
        const applied: AppliedChange = {
          type,
          familyCardNumbers: result.familyCardNumbers,
          childNik: result.childNik ?? null,
          appliedAt: new Date(),
        };
        draft.applied.set(applicationId, applied);
        this.state = draft;
        return applied;
      },
      enqueueApplied: (event) => {
        const key = `registry-change-applied:${event.applicationId}`;
        if (!this.state.announced.has(key)) this.state.announced.set(key, event);
        return Promise.resolve();
      },
    };
    return changes as RegistryChangeRepository;
  }

  /** NIKs and No. KKs numbered from the district and date, with a running serial. */
  identifiers(): IdentifierService {
    const next = (): string => String(++this.serial).padStart(4, '0');
    const identifiers: Pick<IdentifierService, 'assignNik' | 'assignFamilyCardNumber'> = {
      assignNik: (request): Promise<AssignNikReply> => {
        const [y, m, d] = request.birthDate.split('-');
        const day = Number(d) + (request.sex === 'PEREMPUAN' ? 40 : 0);
        return Promise.resolve({
          nik: `${request.districtCode.replace(/\./g, '')}${String(day).padStart(2, '0')}${m}${y.slice(2)}${next()}`,
        });
      },
      assignFamilyCardNumber: (request): Promise<AssignFamilyCardNumberReply> =>
        Promise.resolve({ familyCardNumber: `${request.districtCode.replace(/\./g, '')}011226${next()}` }),
    };
    return identifiers as IdentifierService;
  }
}

function familyOf(state: State, familyCardNumber: string): FamilyWithMembers | undefined {
  const family = state.families.get(familyCardNumber);
  if (!family) return undefined;
  const members = state.memberships
    .filter((m) => m.familyCardNumber === familyCardNumber && m.leftAt === null)
    .map((m) => ({
      ...state.people.get(m.nik)!,
      relationship: m.relationship,
      family_card_number: familyCardNumber,
      regency_code: family.regency_code,
    }));
  return { family, members };
}

class InMemoryWriter implements RegistryWriter {
  constructor(private readonly state: State) {}

  insertPerson(person: NewPerson): Promise<void> {
    if (this.state.people.has(person.nik)) throw new Error(`duplicate NIK ${person.nik}`);
    this.state.people.set(person.nik, {
      nik: person.nik,
      full_name: person.fullName,
      sex: person.sex,
      birth_place: person.birthPlace,
      birth_date: person.birthDate,
      religion: person.religion,
      education: person.education,
      occupation: person.occupation,
      blood_type: person.bloodType,
      marital_status: person.maritalStatus,
      marriage_date: null,
      citizenship: person.citizenship,
      passport_number: null,
      kitap_number: null,
      father_name: person.fatherName,
      mother_name: person.motherName,
      status: 'ACTIVE',
    });
    return Promise.resolve();
  }

  insertFamily(familyCardNumber: string, fields: FamilyFields): Promise<void> {
    this.state.families.set(familyCardNumber, {
      family_card_number: familyCardNumber,
      address: fields.address,
      rt: fields.rt,
      rw: fields.rw,
      village_code: fields.villageCode,
      regency_code: fields.regencyCode,
      postal_code: fields.postalCode,
    });
    return Promise.resolve();
  }

  updateFamily(familyCardNumber: string, fields: Partial<FamilyFields>): Promise<void> {
    const family = this.state.families.get(familyCardNumber);
    if (family) {
      family.address = fields.address ?? family.address;
      family.rt = fields.rt ?? family.rt;
      family.rw = fields.rw ?? family.rw;
      family.village_code = fields.villageCode ?? family.village_code;
      family.regency_code = fields.regencyCode ?? family.regency_code;
      family.postal_code = fields.postalCode ?? family.postal_code;
    }
    return Promise.resolve();
  }

  updatePerson(nik: string, changes: PersonChanges): Promise<void> {
    const person = this.state.people.get(nik);
    if (person) {
      person.education = changes.education ?? person.education;
      person.occupation = changes.occupation ?? person.occupation;
      person.marital_status = changes.maritalStatus ?? person.marital_status;
      person.marriage_date = changes.marriageDate ?? person.marriage_date;
    }
    return Promise.resolve();
  }

  leaveCurrentFamily(nik: string, at: Date): Promise<string | undefined> {
    const current = this.state.memberships.find((m) => m.nik === nik && m.leftAt === null);
    if (current) current.leftAt = at;
    return Promise.resolve(current?.familyCardNumber);
  }

  join(familyCardNumber: string, nik: string, relationship: string, at: Date): Promise<void> {
    this.state.memberships.push({ familyCardNumber, nik, relationship, joinedAt: at, leftAt: null });
    return Promise.resolve();
  }

  memberCount(familyCardNumber: string): Promise<number> {
    return Promise.resolve(
      this.state.memberships.filter((m) => m.familyCardNumber === familyCardNumber && m.leftAt === null).length,
    );
  }

  fullNames(niks: string[]): Promise<Map<string, string>> {
    return Promise.resolve(
      new Map(
        niks.flatMap((nik) => (this.state.people.has(nik) ? [[nik, this.state.people.get(nik)!.full_name]] : [])),
      ),
    );
  }

  currentFamily(familyCardNumber: string): Promise<CurrentFamily | undefined> {
    const family = this.state.families.get(familyCardNumber);
    if (!family) return Promise.resolve(undefined);
    const members = this.state.memberships
      .filter((m) => m.familyCardNumber === familyCardNumber && m.leftAt === null)
      .map((m) => {
        const person = this.state.people.get(m.nik)!;
        return {
          nik: m.nik,
          birthDate: person.birth_date,
          status: person.status as PersonStatus,
          maritalStatus: person.marital_status as MaritalStatus,
          relationship: m.relationship as Relationship,
        };
      });
    return Promise.resolve({
      familyCardNumber,
      regencyCode: family.regency_code,
      headNik: members.find((m) => m.relationship === 'KEPALA_KELUARGA')?.nik ?? null,
      members,
    });
  }

  setStatus(nik: string, status: PersonStatus): Promise<void> {
    const person = this.state.people.get(nik);
    if (person) person.status = status;
    return Promise.resolve();
  }

  async changeRelationship(familyCardNumber: string, nik: string, relationship: Relationship, at: Date): Promise<void> {
    const current = this.state.memberships.find(
      (m) => m.familyCardNumber === familyCardNumber && m.nik === nik && m.leftAt === null,
    );
    if (current) current.leftAt = at;
    await this.join(familyCardNumber, nik, relationship, at);
  }
}
