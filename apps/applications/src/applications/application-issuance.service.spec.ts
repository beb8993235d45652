import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ApplicationStatus } from '#lib/domain';
import type { AppLogger } from '#lib/platform/core';
import { ApplicationIssuanceService } from './application-issuance.service.js';
import { replacementApplication } from './testing/application-fixtures.js';
import { InMemoryApplicationRepository } from './testing/in-memory-application.repository.js';

const DOCUMENT = {
  id: '22222222-2222-4222-8222-222222222222',
  kind: 'KARTU_KELUARGA',
  number: '1602051201150003',
} as const;

describe(ApplicationIssuanceService.name, () => {
  let applications: InMemoryApplicationRepository;
  let logger: { error: jest.Mock };
  let sut: ApplicationIssuanceService;
  const { id } = replacementApplication();

  beforeEach(() => {
    applications = new InMemoryApplicationRepository();
    logger = { error: jest.fn() };
    sut = new ApplicationIssuanceService(applications.asRepository(), logger as unknown as AppLogger);
  });

  it('closes an approved application with its documents, in the order issued, as the system', async () => {
    applications.seed(replacementApplication({ status: ApplicationStatus.APPROVED }));
    await sut.recordIssued({ applicationId: id, documents: [DOCUMENT] });
    expect(applications.state.applications.get(id)?.status).toBe(ApplicationStatus.ISSUED);
    expect(applications.state.documents).toEqual([
      { applicationId: id, documentId: DOCUMENT.id, kind: 'KARTU_KELUARGA', number: DOCUMENT.number, position: 0 },
    ]);
    expect(applications.state.history).toEqual([
      expect.objectContaining({ actor: 'SISTEM', actorAccountId: null, fromStatus: 'APPROVED', toStatus: 'ISSUED' }),
    ]);
  });

  it('changes nothing when the same event arrives again', async () => {
    applications.seed(replacementApplication({ status: ApplicationStatus.APPROVED }));
    await sut.recordIssued({ applicationId: id, documents: [DOCUMENT] });
    await sut.recordIssued({ applicationId: id, documents: [DOCUMENT] });
    expect(applications.state.documents).toHaveLength(1);
    expect(applications.state.history).toHaveLength(1);
  });

  it('leaves an application that is not approved as it is, and says so to the operators', async () => {
    applications.seed(replacementApplication({ status: ApplicationStatus.VERIFIED }));
    await sut.recordIssued({ applicationId: id, documents: [DOCUMENT] });
    expect(applications.state.applications.get(id)?.status).toBe(ApplicationStatus.VERIFIED);
    expect(applications.state.documents).toEqual([]);
    expect(logger.error).toHaveBeenCalledTimes(1);
  });

  it('acknowledges documents of an unknown application without retrying forever', async () => {
    await expect(sut.recordIssued({ applicationId: id, documents: [DOCUMENT] })).resolves.toBeUndefined();
    expect(logger.error).toHaveBeenCalledTimes(1);
  });
});
