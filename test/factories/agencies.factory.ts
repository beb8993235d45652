import request from 'supertest';

/** Agencies for whole-system tests, made through the public API as an ADMIN and an agency would. */
export const ALL_VERIFICATION_FIELDS = ['fullName', 'birthDate', 'birthPlace', 'sex', 'motherName', 'address'] as const;
export type VerificationFieldName = (typeof ALL_VERIFICATION_FIELDS)[number];

export interface TestAgency {
  id: string;
  clientId: string;
  clientSecret: string;
}

let agencySerial = 0;

export async function createAgency(
  url: string,
  adminToken: string,
  agreement: { name?: string; allowedFields?: readonly VerificationFieldName[]; requestsPerMinute?: number } = {},
): Promise<TestAgency> {
  agencySerial++;
  const response = await request(url)
    .post('/api/v1/admin/agencies')
    .set('authorization', `Bearer ${adminToken}`)
    .send({
      name: agreement.name ?? `BANK UJI ${agencySerial}`,
      allowedFields: agreement.allowedFields ?? ALL_VERIFICATION_FIELDS,
      requestsPerMinute: agreement.requestsPerMinute ?? 10_000,
    });
  if (response.status !== 201)
    throw new Error(`creating an agency failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as TestAgency;
}

export async function agencyToken(url: string, agency: TestAgency): Promise<string> {
  const response = await request(url)
    .post('/api/v1/auth/token')
    .send({ grant_type: 'client_credentials', client_id: agency.clientId, client_secret: agency.clientSecret });
  if (response.status !== 200)
    throw new Error(`agency token failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.access_token as string;
}

/** A check of `nik` for a purpose, with the fields given. */
export function verification(nik: string, fields: Record<string, string> = {}): Record<string, string> {
  return { nik, purpose: 'Pembukaan rekening tabungan', ...fields };
}

export function verify(url: string, token: string, body: object): request.Test {
  return request(url).post('/api/v1/verifications').set('authorization', `Bearer ${token}`).send(body);
}

export function verifyBatch(url: string, token: string, items: object[]): request.Test {
  return request(url).post('/api/v1/verifications/batch').set('authorization', `Bearer ${token}`).send({ items });
}

/** Waits, when needed, so that at least `seconds` remain in the current minute (quota windows). */
export async function awayFromMinuteEnd(seconds: number): Promise<void> {
  const left = 60 - new Date().getUTCSeconds();
  if (left < seconds) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 200));
}
