import { describe, expect, it } from '@jest/globals';
import { OpenApiContract, type ObservedResponse } from './openapi-contract.js';

// The contract check of the e2e tier (openapi-contract.setup.ts) against the committed
// docs/openapi.json: what the document allows passes, and a broken response shape fails.

const contract = OpenApiContract.fromFile();

const PERSON = {
  nik: '1602054101900001',
  fullName: 'SITI RAHAYU',
  sex: 'PEREMPUAN',
  birthPlace: 'MUARA ENIM',
  birthDate: '1990-01-01',
  religion: 'ISLAM',
  education: 'SLTA/SEDERAJAT',
  occupation: 'KARYAWAN SWASTA',
  bloodType: 'A',
  maritalStatus: 'KAWIN_TERCATAT',
  relationship: 'ISTRI',
  citizenship: 'WNI',
  fatherName: 'AHMAD',
  motherName: 'AMINAH',
  status: 'ACTIVE',
};

function personRead(body: unknown, overrides: Partial<ObservedResponse> = {}): ObservedResponse {
  return {
    method: 'GET',
    url: '/api/v1/residents/1602054101900001',
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body,
    ...overrides,
  };
}

const problem = (status: number, code: string): unknown => ({
  type: `urn:disdukcapil:problem:${code.toLowerCase()}`,
  title: 'Tidak ditemukan',
  status,
  detail: 'Penduduk tidak ditemukan',
  code,
  errors: [],
  correlationId: 'abc-123',
});

describe('OpenApiContract', () => {
  it('accepts a response the document describes', () => {
    expect(contract.violation(personRead(PERSON))).toBeUndefined();
  });

  it('refuses a body missing a required field', () => {
    const { fullName: _fullName, ...withoutName } = PERSON;
    expect(contract.violation(personRead(withoutName))).toMatch(/must have required property 'fullName'/);
  });

  it('refuses a field of the wrong type or outside its enum', () => {
    expect(contract.violation(personRead({ ...PERSON, birthDate: 19900101 }))).toMatch(/birthDate/);
    expect(contract.violation(personRead({ ...PERSON, sex: 'L' }))).toMatch(
      /\/sex must be equal to one of the allowed values/,
    );
  });

  it('refuses a field the document does not name (nothing leaks unseen)', () => {
    expect(contract.violation(personRead({ ...PERSON, passwordHash: 'x' }))).toMatch(/additional properties/);
  });

  it('refuses a status the operation does not document', () => {
    expect(contract.violation(personRead(problem(409, 'APPLICATION.INVALID_TRANSITION'), { status: 409 }))).toMatch(
      /status not documented/,
    );
  });

  it('checks problem details and the codes each status may carry', () => {
    const notFound = { status: 404, contentType: 'application/problem+json' };
    expect(contract.violation(personRead(problem(404, 'RESIDENT.NOT_FOUND'), notFound))).toBeUndefined();
    expect(contract.violation(personRead(problem(404, 'APPLICATION.NOT_FOUND'), notFound))).toMatch(/\/code/);
    expect(contract.violation(personRead({ status: 404 }, notFound))).toMatch(/required property/);
  });

  it('refuses a content type the operation does not document', () => {
    expect(contract.violation(personRead(PERSON, { contentType: 'text/html' }))).toMatch(/content type text\/html/);
  });

  it('matches path templates and leaves routes outside the API alone', () => {
    expect(
      contract.violation({
        method: 'GET',
        url: '/api/v1/applications?limit=5',
        status: 200,
        contentType: 'application/json',
        body: { items: [], total: 0 },
      }),
    ).toBeUndefined();
    expect(
      contract.violation(personRead('<html>', { url: '/verifikasi/abc', contentType: 'text/html' })),
    ).toBeUndefined();
    expect(contract.violation(personRead(PERSON, { url: '/api/v1/nowhere' }))).toMatch(/no such operation/);
  });
});
