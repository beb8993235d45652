import { describe, expect, it } from '@jest/globals';
import {
  CLERK,
  FakeRegistry,
  KK,
  OFFICIAL,
  OTHER_RESIDENT,
  RESIDENT,
  residentFamily,
} from './testing/application-fixtures.js';
import { isOwnFamily, OwnFamilyService } from './own-family.js';

const STAFF_NIK = '1602014101900009';

describe('isOwnFamily', () => {
  const family = { staffNik: STAFF_NIK, familyCardNumber: KK, memberNiks: new Set([STAFF_NIK, RESIDENT.nik!]) };

  it('is the staff member’s own application, a KK member’s, or one about their KK', () => {
    expect(isOwnFamily(family, { applicantNik: STAFF_NIK, familyCardNumber: null })).toBe(true);
    expect(isOwnFamily(family, { applicantNik: RESIDENT.nik!, familyCardNumber: '1602051201150099' })).toBe(true);
    // Someone outside the KK (e.g. a relative who moved out) applying about the staff member's KK.
    expect(isOwnFamily(family, { applicantNik: OTHER_RESIDENT.nik!, familyCardNumber: KK })).toBe(true);
  });

  it('is nobody else’s, and nothing without a NIK on the account', () => {
    expect(isOwnFamily(family, { applicantNik: OTHER_RESIDENT.nik!, familyCardNumber: '1602051201150099' })).toBe(
      false,
    );
    expect(isOwnFamily(family, { applicantNik: OTHER_RESIDENT.nik!, familyCardNumber: null })).toBe(false);
    expect(isOwnFamily(undefined, { applicantNik: RESIDENT.nik!, familyCardNumber: KK })).toBe(false);
    // A staff member in no KK: only their own application.
    const alone = { staffNik: STAFF_NIK, memberNiks: new Set([STAFF_NIK]) };
    expect(isOwnFamily(alone, { applicantNik: OTHER_RESIDENT.nik!, familyCardNumber: KK })).toBe(false);
    expect(isOwnFamily(alone, { applicantNik: STAFF_NIK, familyCardNumber: null })).toBe(true);
  });
});

describe(OwnFamilyService.name, () => {
  const registry = new FakeRegistry();
  registry.families.set(KK, residentFamily().family);
  const sut = new OwnFamilyService(registry.asClient());

  it('asks the registry for the family of the NIK in the token, for clerks and officials only', async () => {
    const family = await sut.of({ ...CLERK, staffNik: OTHER_RESIDENT.nik });
    expect(family?.familyCardNumber).toBe(KK);
    expect([...(family?.memberNiks ?? [])].sort()).toEqual([RESIDENT.nik, OTHER_RESIDENT.nik].sort());
    expect(await sut.of({ ...OFFICIAL, staffNik: STAFF_NIK })).toEqual({
      staffNik: STAFF_NIK,
      memberNiks: new Set([STAFF_NIK]),
    });
    expect(await sut.of(CLERK)).toBeUndefined();
    // A resident's own NIK is never taken for a staff NIK.
    expect(await sut.of(RESIDENT)).toBeUndefined();
    expect(await sut.forDisplay(RESIDENT)).toBeUndefined();
  });

  it('reuses a family for display for a while, but an action always reads it afresh', async () => {
    const clerk = { ...CLERK, staffNik: OTHER_RESIDENT.nik };
    expect((await sut.forDisplay(clerk))?.familyCardNumber).toBe(KK);
    registry.families.clear();
    expect((await sut.forDisplay(clerk))?.familyCardNumber).toBe(KK);
    expect((await sut.of(clerk))?.familyCardNumber).toBeUndefined();
  });
});
