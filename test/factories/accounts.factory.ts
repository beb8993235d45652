import request from 'supertest';

/** Accounts for whole-system tests, made through the public API as a client would. */
export const TEST_ADMIN = { username: 'admin', password: 'test-admin-password' } as const;
export const STAFF_PASSWORD = 'staff-password-123';
export const RESIDENT_PASSWORD = 'resident-password-123';

/** Environment for startStack: the first ADMIN, and a login lock short enough to test. */
export const IDENTITY_TEST_ENV = {
  ADMIN_USERNAME: TEST_ADMIN.username,
  ADMIN_PASSWORD: TEST_ADMIN.password,
} as const;

let nipSerial = 0;

/** A synthetic 18-digit NIP: birth date, appointment month, sex, serial. */
export function syntheticNip(): string {
  nipSerial = (nipSerial % 999) + 1;
  return `19850101201001${1}${String(nipSerial).padStart(3, '0')}`;
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const response = await request(url).post('/api/v1/auth/login').send({ username, password });
  if (response.status !== 200)
    throw new Error(`login of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken as string;
}

export async function createStaff(
  url: string,
  adminToken: string,
  staff: {
    username: string;
    role: 'CLERK' | 'OFFICIAL' | 'ADMIN';
    regencyCode: string;
    fullName?: string;
    nip?: string;
  },
): Promise<string> {
  const response = await request(url)
    .post('/api/v1/admin/staff')
    .set('authorization', `Bearer ${adminToken}`)
    .send({
      username: staff.username,
      password: STAFF_PASSWORD,
      fullName: staff.fullName ?? `PETUGAS ${staff.username.toUpperCase()}`,
      nip: staff.nip ?? syntheticNip(),
      role: staff.role,
      regencyCode: staff.regencyCode,
    });
  if (response.status !== 201)
    throw new Error(`creating ${staff.username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

export async function importCsv(url: string, adminToken: string, csv: string): Promise<request.Response> {
  return request(url)
    .post('/api/v1/admin/residents/import')
    .set('authorization', `Bearer ${adminToken}`)
    .set('content-type', 'text/csv')
    .send(csv);
}

export async function registerResident(
  url: string,
  resident: { nik: string; familyCardNumber: string; birthDate: string },
): Promise<request.Response> {
  return request(url)
    .post('/api/v1/auth/register')
    .send({ ...resident, password: RESIDENT_PASSWORD });
}

/** A staff account as an approval event names its official (`ApprovingOfficial`). */
export interface StaffIdentity {
  accountId: string;
  fullName: string;
  nip: string;
  role: 'CLERK' | 'OFFICIAL' | 'ADMIN';
}

/**
 * Creates a real staff account and returns it as an approval would name it: identity applies
 * an approval only when its official is an existing, enabled OFFICIAL of the regency.
 */
export async function createApprover(
  url: string,
  adminToken: string,
  staff: { username: string; regencyCode: string; role?: 'CLERK' | 'OFFICIAL' | 'ADMIN'; fullName?: string },
): Promise<StaffIdentity> {
  const role = staff.role ?? 'OFFICIAL';
  const fullName = staff.fullName ?? `PEJABAT ${staff.username.toUpperCase()}`;
  const nip = syntheticNip();
  const accountId = await createStaff(url, adminToken, { ...staff, role, fullName, nip });
  return { accountId, fullName, nip, role };
}
