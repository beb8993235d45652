import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationStatus, DomainError } from '#lib/domain';
import { ApplicationQueryService } from './application-query.service.js';
import { OwnFamilyService } from './own-family.js';
import { ApplicationWorkflowService } from './application-workflow.service.js';
import {
  CLERK,
  FakeRegistry,
  OFFICIAL,
  OFFICIAL_ELSEWHERE,
  KK,
  OTHER_RESIDENT,
  RESIDENT,
  replacementApplication,
  residentFamily,
} from './testing/application-fixtures.js';
import { InMemoryApplicationRepository } from './testing/in-memory-application.repository.js';

const NIP = '197805122005011003';
const NIP_OF_CLERK = '198501012010012001';

describe(ApplicationWorkflowService.name, () => {
  let applications: InMemoryApplicationRepository;
  let registry: FakeRegistry;
  let sut: ApplicationWorkflowService;
  let query: ApplicationQueryService;
  const id = replacementApplication().id;

  beforeEach(() => {
    applications = new InMemoryApplicationRepository();
    registry = new FakeRegistry();
    registry.staff.set(OFFICIAL.accountId, { accountId: OFFICIAL.accountId, fullName: 'IR. HENDRA WIJAYA', nip: NIP });
    const repository = applications.asRepository();
    const ownFamily = new OwnFamilyService(registry.asClient());
    query = new ApplicationQueryService(repository, ownFamily);
    sut = new ApplicationWorkflowService(repository, query, registry.asClient(), ownFamily);
    applications.seed(replacementApplication());
  });

  const codeOf = async (pending: Promise<unknown>): Promise<string> => {
    const error = await pending.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  };

  it('verifies, records who verified and the note for the official apart from the message to the applicant', async () => {
    const view = await sut.verify({
      principal: CLERK,
      applicationId: id,
      note: 'Surat kehilangan lengkap',
      message: 'Berkas Anda lengkap',
    });
    expect(view.status).toBe(ApplicationStatus.VERIFIED);
    expect(applications.state.applications.get(id)?.verifiedBy).toBe(CLERK.accountId);
    expect(view.history.at(-1)).toMatchObject({
      actor: 'operator.oki',
      from: 'SUBMITTED',
      to: 'VERIFIED',
      reason: 'Berkas Anda lengkap',
      internalNote: 'Surat kehilangan lengkap',
    });
    // The applicant reads the message, never the note.
    const applicantView = await query.view(id, RESIDENT);
    expect(applicantView.history.at(-1)?.reason).toBe('Berkas Anda lengkap');
    expect(JSON.stringify(applicantView)).not.toContain('Surat kehilangan lengkap');
  });

  it('approves a verified application and puts the hand-off event, with the state to check it by, in the same transaction', async () => {
    await sut.verify({ principal: CLERK, applicationId: id });
    const view = await sut.approve({ principal: OFFICIAL, applicationId: id });
    expect(view.status).toBe(ApplicationStatus.APPROVED);
    expect(applications.state.approved).toEqual([
      expect.objectContaining({
        applicationId: id,
        type: 'FAMILY_CARD_REPLACEMENT',
        regencyCode: '16.02',
        status: ApplicationStatus.APPROVED,
        verifiedBy: CLERK.accountId,
        details: { familyCardNumber: '1602051201150003', reason: 'HILANG' },
        official: { accountId: OFFICIAL.accountId, fullName: 'IR. HENDRA WIJAYA', nip: NIP, role: 'OFFICIAL' },
      }),
    ]);
    expect(applications.state.applications.get(id)?.approvedBy).toBe(OFFICIAL.accountId);
  });

  it('refuses the approval of whoever verified it (four eyes), and changes nothing', async () => {
    applications.seed(replacementApplication({ status: ApplicationStatus.VERIFIED, verifiedBy: OFFICIAL.accountId }));
    expect(await codeOf(sut.approve({ principal: OFFICIAL, applicationId: id }))).toBe('APPLICATION.FOUR_EYES');
    expect(applications.state.applications.get(id)?.status).toBe(ApplicationStatus.VERIFIED);
    expect(applications.state.approved).toEqual([]);
  });

  it('refuses the approval of the same person under another account (same NIP or NIK), and never offers it', async () => {
    const clerk = { ...CLERK, nip: NIP_OF_CLERK, staffNik: '1602014101900009' };
    await sut.verify({ principal: clerk, applicationId: id });
    expect(applications.state.applications.get(id)).toMatchObject({
      verifierNip: NIP_OF_CLERK,
      verifierNik: clerk.staffNik,
    });
    const sameNip = { ...OFFICIAL, nip: NIP_OF_CLERK };
    const sameNik = { ...OFFICIAL, nip: NIP, staffNik: clerk.staffNik };
    expect((await query.view(id, sameNip)).allowedActions).not.toContain('approve');
    expect(await codeOf(sut.approve({ principal: sameNip, applicationId: id }))).toBe('APPLICATION.FOUR_EYES');
    expect(await codeOf(sut.approve({ principal: sameNik, applicationId: id }))).toBe('APPLICATION.FOUR_EYES');
    expect(applications.state.applications.get(id)?.status).toBe(ApplicationStatus.VERIFIED);
    // Another person may.
    expect((await sut.approve({ principal: { ...OFFICIAL, nip: NIP }, applicationId: id })).status).toBe(
      ApplicationStatus.APPROVED,
    );
  });

  it('keeps a clerk and an official off their own family’s application (403), marks it and offers no action', async () => {
    const { family } = residentFamily();
    registry.families.set(KK, family);
    // The clerk is the applicant's wife: her NIK (from her token) is in the application's KK.
    const clerk = { ...CLERK, staffNik: OTHER_RESIDENT.nik };
    const view = await query.view(id, clerk);
    expect(view.ownFamily).toBe(true);
    expect(view.allowedActions).toEqual([]);
    expect((await query.list({ principal: clerk })).items[0]?.ownFamily).toBe(true);
    for (const act of [
      sut.verify({ principal: clerk, applicationId: id }),
      sut.return({ principal: clerk, applicationId: id, reason: 'Lengkapi berkas' }),
      sut.reject({ principal: clerk, applicationId: id, reason: 'Tidak memenuhi syarat' }),
    ]) {
      expect(await codeOf(act)).toBe('APPLICATION.OWN_FAMILY');
    }
    expect(applications.state.history).toEqual([]);
    // Another clerk verifies; an official of the family may not approve.
    await sut.verify({ principal: CLERK, applicationId: id });
    const official = { ...OFFICIAL, staffNik: RESIDENT.nik };
    expect(await codeOf(sut.approve({ principal: official, applicationId: id }))).toBe('APPLICATION.OWN_FAMILY');
    expect(applications.state.approved).toEqual([]);
    // A clerk of another family sees no mark and may act.
    expect((await query.view(id, { ...CLERK, staffNik: '1602014101900009' })).ownFamily).toBeUndefined();
  });

  it('will not approve without the name and NIP the documents print', async () => {
    await sut.verify({ principal: CLERK, applicationId: id });
    registry.staff.delete(OFFICIAL.accountId);
    expect(await codeOf(sut.approve({ principal: OFFICIAL, applicationId: id }))).toBe('SERVICE.UNAVAILABLE');
    expect(applications.state.applications.get(id)?.status).toBe(ApplicationStatus.VERIFIED);
  });

  it('says a transition is not allowed now, with no history row for it', async () => {
    expect(await codeOf(sut.approve({ principal: OFFICIAL, applicationId: id }))).toBe(
      'APPLICATION.INVALID_TRANSITION',
    );
    expect(applications.state.history).toEqual([]);
  });

  it('hides the application from staff of another regency and from other residents', async () => {
    expect(await codeOf(sut.reject({ principal: OFFICIAL_ELSEWHERE, applicationId: id, reason: 'x' }))).toBe(
      'APPLICATION.NOT_FOUND',
    );
    expect(await codeOf(sut.cancel({ principal: OTHER_RESIDENT, applicationId: id }))).toBe('APPLICATION.NOT_FOUND');
  });

  it('returns with a reason, and lets the owner cancel only while submitted', async () => {
    const returned = await sut.return({ principal: CLERK, applicationId: id, reason: 'Foto surat buram' });
    expect(returned.status).toBe(ApplicationStatus.REVISION_REQUESTED);
    expect(returned.history.at(-1)?.reason).toBe('Foto surat buram');
    expect(await codeOf(sut.cancel({ principal: RESIDENT, applicationId: id }))).toBe('APPLICATION.INVALID_TRANSITION');
  });

  it('refuses a role that may never take the action before looking anything up', async () => {
    expect(await codeOf(sut.verify({ principal: RESIDENT, applicationId: 'no-such-id' }))).toBe(
      'APPLICATION.ROLE_NOT_ALLOWED',
    );
  });
});
