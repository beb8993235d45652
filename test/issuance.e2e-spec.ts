import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ServiceName } from '#lib/contracts';
import {
  APPLICATIONS_TEST_ENV,
  as,
  birthBody,
  buildApplicationsWorld,
  familyCardNewBody,
  familyCardReplacementBody,
  familyCardUpdateBody,
  type ApplicationsWorld,
} from './factories/applications.factory.js';
import { startStack, type Stack } from './support/stack.js';

interface Application {
  id: string;
  status: string;
  documents: Array<{ id: string; kind: string; number: string }>;
  history: Array<{ to: string; actor: string }>;
}

/**
 * From approval to ISSUED across the three services: the approval's event reaches identity,
 * the registry changes, documents issues the set, the application closes with its documents.
 * Then the same with a service or NATS down at the worst moment: late, never lost, never twice.
 */
describe('approval to issued documents', () => {
  let stack: Stack;
  let world: ApplicationsWorld;

  beforeAll(async () => {
    stack = await startStack({ env: APPLICATIONS_TEST_ENV });
    world = await buildApplicationsWorld(stack.url);
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  const applicant = (): ReturnType<typeof as> => as(stack.url, world.tokens.father);

  /** Submits and verifies; `beforeApproval` runs just before the official approves. */
  async function approve(
    body: Record<string, unknown>,
    token = world.tokens.father,
    beforeApproval: () => Promise<void> = () => Promise.resolve(),
  ): Promise<Application> {
    const submitted = await as(stack.url, token).post('/applications', body);
    expect(submitted.status).toBe(201);
    const id = (submitted.body as Application).id;
    await as(stack.url, world.tokens.clerk).post(`/applications/${id}/verify`, {}).expect(200);
    await beforeApproval();
    const approved = await as(stack.url, world.tokens.official).post(`/applications/${id}/approve`).expect(202);
    return approved.body as Application;
  }

  /** The application once it has `status`, or as it is when time runs out (503s while NATS heals are retried). */
  async function until(id: string, status: string, token: string, timeoutMs = 30_000): Promise<Application> {
    const deadline = Date.now() + timeoutMs;
    let last: Application | undefined;
    for (;;) {
      const response = await as(stack.url, token).get(`/applications/${id}`);
      if (response.status === 200) last = response.body as Application;
      else expect(response.status).toBe(503);
      if ((last && last.status === status) || Date.now() > deadline) {
        if (!last) throw new Error(`application ${id} never readable`);
        return last;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it('issues a birth registration: the child gets a NIK in the KK, and the akta and the new KK are downloadable', async () => {
    const body = birthBody(world);
    const approved = await approve(body);
    const issued = await until(approved.id, 'ISSUED', world.tokens.father);
    expect(issued.status).toBe('ISSUED');
    expect(issued.documents.map((d) => d.kind).sort()).toEqual(['AKTA_KELAHIRAN', 'KARTU_KELUARGA']);
    expect(issued.history.map((h) => h.to)).toEqual(['SUBMITTED', 'VERIFIED', 'APPROVED', 'ISSUED']);
    expect(issued.history[3]).toMatchObject({ actor: 'SISTEM' });

    const akta = issued.documents.find((d) => d.kind === 'AKTA_KELAHIRAN')!;
    expect(akta.number).toMatch(/^1602-LU-\d{8}-\d{4}$/);
    const pdf = await applicant().get(`/documents/${akta.id}/pdf`).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    const family = await applicant().get('/me/family').expect(200);
    const childName = (body.child as { fullName: string }).fullName.toUpperCase();
    const child = (family.body.members as Array<{ fullName: string; relationship: string; nik: string }>).find(
      (m) => m.fullName === childName,
    );
    expect(child).toMatchObject({ relationship: 'ANAK' });
    expect(issued.documents.find((d) => d.kind === 'KARTU_KELUARGA')!.number).toBe(world.birthFamily.familyCardNumber);
  });

  it('issues the other three types', async () => {
    const update = await approve(familyCardUpdateBody(world));
    const updated = await until(update.id, 'ISSUED', world.tokens.father);
    expect(updated.documents).toEqual([
      expect.objectContaining({ kind: 'KARTU_KELUARGA', number: world.birthFamily.familyCardNumber }),
    ]);

    const replacement = await approve(familyCardReplacementBody(world, { reason: 'RUSAK' }));
    const replaced = await until(replacement.id, 'ISSUED', world.tokens.father);
    expect(replaced.documents).toHaveLength(1);
    // The new print supersedes the one issued for the update.
    const older = await as(stack.url, world.tokens.clerk).get(`/documents/${updated.documents[0].id}`).expect(200);
    expect(older.body.status).toBe('SUPERSEDED');

    const split = await approve(familyCardNewBody(world), world.tokens.adultChild);
    const formed = await until(split.id, 'ISSUED', world.tokens.adultChild);
    const numbers = formed.documents.map((d) => d.number);
    expect(numbers).toContain(world.splitFamily.familyCardNumber);
    expect(numbers.filter((n) => n !== world.splitFamily.familyCardNumber)).toHaveLength(1);
  });

  it('finishes what was approved while the documents service was down, with exactly one document set', async () => {
    // Stopped as the official approves: the hand-off is then under way with no one to issue.
    const approved = await approve(birthBody(world), world.tokens.father, () =>
      stack.stopService(ServiceName.DOCUMENTS),
    );
    await new Promise((r) => setTimeout(r, 2000));
    const waiting = await until(approved.id, 'ISSUED', world.tokens.father, 1000);
    expect(waiting.status).toBe('APPROVED');

    await stack.startService(ServiceName.DOCUMENTS);
    const issued = await until(approved.id, 'ISSUED', world.tokens.father);
    expect(issued.status).toBe('ISSUED');
    expect(issued.documents).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 1500));
    const later = await until(approved.id, 'ISSUED', world.tokens.father);
    expect(later.documents).toEqual(issued.documents);
    expect(later.history.filter((h) => h.to === 'ISSUED')).toHaveLength(1);
  });

  it('finishes what was approved when NATS restarted with the hand-off half done', async () => {
    const approved = await approve(familyCardReplacementBody(world), world.tokens.father, () =>
      stack.stopService(ServiceName.DOCUMENTS),
    );
    await new Promise((r) => setTimeout(r, 1500));
    // The registry change is announced and waits in JetStream; NATS goes down and comes back.
    await stack.stopNats();
    await new Promise((r) => setTimeout(r, 1000));
    await stack.startNats();
    await stack.startService(ServiceName.DOCUMENTS);
    const issued = await until(approved.id, 'ISSUED', world.tokens.father, 45_000);
    expect(issued.status).toBe('ISSUED');
    expect(issued.documents).toHaveLength(1);
    expect(issued.history.filter((h) => h.to === 'ISSUED')).toHaveLength(1);
  });
});
