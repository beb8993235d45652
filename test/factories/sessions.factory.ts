import request from 'supertest';
import type { SyntheticFamily, SyntheticPerson } from '../../apps/identity/src/seed/population-generator.js';
import { startStack, type Stack } from '../support/stack.js';
import { IDENTITY_TEST_ENV, TEST_ADMIN, importCsv, login, registerResident } from './accounts.factory.js';
import { residentsCsv } from './registry.factory.js';

/**
 * Sessions for whole-system tests (API.md "Sessions and account security"): a stack with a
 * second gateway replica, whose cached account state a revocation must reach, and sign-ins as a
 * client at an address with a browser.
 */
export interface SessionsStack {
  stack: Stack;
  replica: { url: string; close(): Promise<void> };
  /** The first ADMIN's access token. */
  admin: string;
}

/** What a sign-in (or a refresh) answers. */
export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  role: string;
}

/**
 * The stack (TRUST_PROXY: the tests play clients at different addresses with X-Forwarded-For)
 * and a second gateway replica, with `family` imported and an account for each of `residents`.
 */
export async function startSessionsStack(
  family: SyntheticFamily,
  residents: readonly SyntheticPerson[],
): Promise<SessionsStack> {
  const stack = await startStack({ env: { ...IDENTITY_TEST_ENV, TRUST_PROXY: 'true' } });
  try {
    const replica = await stack.startGatewayReplica();
    const admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    const imported = await importCsv(stack.url, admin, residentsCsv([family]));
    if (imported.status !== 200 || (imported.body.rejected as unknown[]).length > 0) {
      throw new Error(`importing the family failed: ${imported.status} ${JSON.stringify(imported.body)}`);
    }
    for (const person of residents) {
      const created = await registerResident(stack.url, {
        nik: person.nik,
        familyCardNumber: family.familyCardNumber,
        birthDate: person.birthDate,
      });
      if (created.status !== 201) {
        throw new Error(`registering a resident failed: ${created.status} ${JSON.stringify(created.body)}`);
      }
    }
    return { stack, replica, admin };
  } catch (error) {
    await stack.close();
    throw error;
  }
}

/** Signs in through the gateway at `url`, as a client at address `from` with browser `userAgent`. */
export async function signIn(
  url: string,
  username: string,
  password: string,
  client: { from?: string; userAgent?: string } = {},
): Promise<SignedIn> {
  const call = request(url).post('/api/v1/auth/login');
  if (client.from !== undefined) call.set('x-forwarded-for', client.from);
  if (client.userAgent !== undefined) call.set('user-agent', client.userAgent);
  const response = await call.send({ username, password });
  if (response.status !== 200) {
    throw new Error(`sign-in of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body as SignedIn;
}

export const bearer = (token: string): { authorization: string } => ({ authorization: `Bearer ${token}` });

/** `GET /me` with `token` through the gateway at `url`: 200 while its session is open. */
export function me(url: string, token: string): request.Test {
  return request(url).get('/api/v1/me').set(bearer(token));
}

/** The claims of an access token (not verified: the test reads what it was given). */
export function claimsOf(accessToken: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
}

/** The id of the session an access token belongs to (`sid`), as `/me/sessions` lists it. */
export function sessionIdOf(accessToken: string): string {
  return claimsOf(accessToken)['sid'] as string;
}
