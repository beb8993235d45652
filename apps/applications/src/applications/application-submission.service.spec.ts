import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { BirthRegistrationInput } from '#lib/contracts';
import { ApplicationStatus, DomainError, NOT_APPLICANTS_FAMILY } from '#lib/domain';
import { ApplicationRulesService } from '../application-types/application-rules.service.js';
import { ApplicationQueryService } from './application-query.service.js';
import { OwnFamilyService } from './own-family.js';
import { ApplicationSubmissionService } from './application-submission.service.js';
import {
  CLERK,
  FakeRegistry,
  KK,
  OTHER_RESIDENT,
  RESIDENT,
  replacementApplication,
  residentFamily,
} from './testing/application-fixtures.js';
import { InMemoryApplicationRepository } from './testing/in-memory-application.repository.js';

const birth = (fullName = 'BAYU SANTOSO'): BirthRegistrationInput => ({
  type: 'BIRTH_REGISTRATION',
  familyCardNumber: KK,
  fatherNik: RESIDENT.nik!,
  motherNik: OTHER_RESIDENT.nik!,
  birthLetterNumber: 'SKL/RS/2026/11/0042',
  child: {
    fullName,
    sex: 'LAKI_LAKI',
    birthDate: '2026-11-20',
    birthPlace: 'KAYU AGUNG',
    placeKind: 'RUMAH_SAKIT',
    birthOrder: 1,
    attendant: 'BIDAN',
    religion: 'ISLAM',
  },
});

describe(ApplicationSubmissionService.name, () => {
  let applications: InMemoryApplicationRepository;
  let registry: FakeRegistry;
  let sut: ApplicationSubmissionService;

  beforeEach(() => {
    applications = new InMemoryApplicationRepository();
    registry = new FakeRegistry();
    const { family, people } = residentFamily();
    registry.families.set(KK, family);
    for (const person of people) registry.people.set(person.nik, person);
    const repository = applications.asRepository();
    sut = new ApplicationSubmissionService(
      repository,
      new ApplicationRulesService(registry.asClient(), repository),
      new ApplicationQueryService(repository, new OwnFamilyService(registry.asClient())),
      registry.asClient(),
    );
  });

  const errorOf = async (pending: Promise<unknown>): Promise<DomainError> => {
    const error = await pending.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  };

  it("stores a birth registration under the family's regency with a number, defaults written out", async () => {
    const view = await sut.submit({ principal: RESIDENT, input: birth() });
    expect(view).toMatchObject({
      type: 'BIRTH_REGISTRATION',
      status: ApplicationStatus.SUBMITTED,
      applicantNik: RESIDENT.nik,
      regencyCode: '16.02',
    });
    expect(view.number).toMatch(/^1602-\d{8}-00001$/);
    // The stored details are the body without its type, the default birth type written out.
    expect(view.type === 'BIRTH_REGISTRATION' && view.details.child.birthType).toBe('TUNGGAL');
    expect(view.details).not.toHaveProperty('type');
    expect(view.history).toEqual([expect.objectContaining({ from: null, to: 'SUBMITTED' })]);
  });

  it('numbers two submissions of a day one after the other', async () => {
    const first = await sut.submit({ principal: RESIDENT, input: birth('BAYU SANTOSO') });
    const second = await sut.submit({
      principal: RESIDENT,
      input: { type: 'FAMILY_CARD_REPLACEMENT', familyCardNumber: KK, reason: 'RUSAK' },
    });
    expect(first.number.slice(-5)).toBe('00001');
    expect(second.number.slice(-5)).toBe('00002');
  });

  describe('numbers by the regency’s own date (OKI: WIB, UTC+7), not a fixed UTC+9', () => {
    afterEach(() => {
      jest.useRealTimers();
    });
    // Only the clock is faked: promises and timers run as usual.
    const at = (iso: string): void => {
      jest.useFakeTimers({
        now: new Date(iso),
        doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'setTimeout', 'setInterval', 'clearTimeout'],
      });
    };

    it('at 23:59 WIB on 28 November (already 29 November in WIT), numbers it 28 November', async () => {
      at('2026-11-28T16:59:59.000Z');
      const view = await sut.submit({ principal: RESIDENT, input: birth() });
      expect(view.number).toBe('1602-20261128-00001');
    });

    it('at 00:00 WIB on 29 November, starts the day’s serial again under 29 November', async () => {
      at('2026-11-28T16:59:59.000Z');
      await sut.submit({ principal: RESIDENT, input: birth('BAYU SANTOSO') });
      at('2026-11-28T17:00:00.000Z');
      const view = await sut.submit({
        principal: RESIDENT,
        input: { type: 'FAMILY_CARD_REPLACEMENT', familyCardNumber: KK, reason: 'RUSAK' },
      });
      expect(view.number).toBe('1602-20261129-00001');
    });
  });

  it("judges with the type's rules and stores nothing when they fail", async () => {
    const error = await errorOf(
      sut.submit({ principal: RESIDENT, input: { ...birth(), familyCardNumber: '1602051201150099' } }),
    );
    expect(error.code).toBe('APPLICATION.RULE_VIOLATION');
    expect(error.errors).toEqual([{ field: 'familyCardNumber', message: NOT_APPLICANTS_FAMILY }]);
    expect(applications.state.applications.size).toBe(0);
  });

  it('refuses a birth another open application already reports, but not the application itself', async () => {
    const first = await sut.submit({ principal: RESIDENT, input: birth() });
    const error = await errorOf(sut.submit({ principal: OTHER_RESIDENT, input: birth() }));
    expect(error.errors?.map((e) => e.field)).toEqual(['child.fullName']);

    applications.seed({
      ...applications.state.applications.get(first.id)!,
      status: ApplicationStatus.REVISION_REQUESTED,
    });
    const corrected = await sut.resubmit({ principal: RESIDENT, applicationId: first.id, input: birth() });
    expect(corrected.status).toBe(ApplicationStatus.SUBMITTED);
  });

  it('resubmits a returned application with its corrections, checked again from the start', async () => {
    applications.seed(
      replacementApplication({ status: ApplicationStatus.REVISION_REQUESTED, verifiedBy: CLERK.accountId }),
    );
    const { id } = replacementApplication();
    const view = await sut.resubmit({
      principal: RESIDENT,
      applicationId: id,
      input: { type: 'FAMILY_CARD_REPLACEMENT', familyCardNumber: KK, reason: 'RUSAK' },
    });
    expect(view.status).toBe(ApplicationStatus.SUBMITTED);
    expect(view.details).toEqual({ familyCardNumber: KK, reason: 'RUSAK' });
    expect(applications.state.applications.get(id)?.verifiedBy).toBeNull();
  });

  it('keeps the type of a returned application', async () => {
    applications.seed(replacementApplication({ status: ApplicationStatus.REVISION_REQUESTED }));
    const error = await errorOf(
      sut.resubmit({ principal: RESIDENT, applicationId: replacementApplication().id, input: birth() }),
    );
    expect(error.code).toBe('VALIDATION.FAILED');
    expect(error.errors).toEqual([{ field: 'type', message: 'Jenis permohonan harus tetap FAMILY_CARD_REPLACEMENT' }]);
  });

  it('lets only residents apply', async () => {
    expect((await errorOf(sut.submit({ principal: CLERK, input: birth() }))).code).toBe('APPLICATION.ROLE_NOT_ALLOWED');
  });
});
