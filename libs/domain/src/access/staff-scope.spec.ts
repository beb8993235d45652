import { Role } from '../enums/services.js';
import { adminMayManage, AdminScope, isDeploymentAdmin, isSamePerson } from './staff-scope.js';

describe('adminMayManage', () => {
  const regencyAdmin = { role: Role.ADMIN, regencyCode: '16.02', adminScope: AdminScope.REGENCY };
  const deploymentAdmin = { role: Role.ADMIN, regencyCode: '16.02', adminScope: AdminScope.DEPLOYMENT };

  it('lets a regency ADMIN manage its own regency only', () => {
    expect(adminMayManage(regencyAdmin, '16.02')).toBe(true);
    expect(adminMayManage(regencyAdmin, '16.71')).toBe(false);
    expect(adminMayManage(regencyAdmin, null)).toBe(false);
    expect(adminMayManage(regencyAdmin, undefined)).toBe(false);
    // No scope claim at all is the narrow one.
    expect(adminMayManage({ role: Role.ADMIN, regencyCode: '16.02' }, '16.71')).toBe(false);
    expect(adminMayManage({ role: Role.ADMIN }, '16.02')).toBe(false);
  });

  it('lets a deployment-wide ADMIN manage every regency', () => {
    expect(adminMayManage(deploymentAdmin, '16.71')).toBe(true);
    expect(adminMayManage(deploymentAdmin, '31.71')).toBe(true);
    expect(isDeploymentAdmin(deploymentAdmin)).toBe(true);
    expect(isDeploymentAdmin(regencyAdmin)).toBe(false);
  });

  it('never lets another role manage, whatever scope it claims', () => {
    for (const role of [Role.CLERK, Role.OFFICIAL, Role.RESIDENT, Role.AGENCY]) {
      expect(adminMayManage({ role, regencyCode: '16.02', adminScope: AdminScope.DEPLOYMENT }, '16.02')).toBe(false);
      expect(isDeploymentAdmin({ role, adminScope: AdminScope.DEPLOYMENT })).toBe(false);
    }
  });
});

describe('isSamePerson', () => {
  const a = { accountId: 'a', nip: '198501012010012001', nik: '1602014101900001' };

  it('is the same account, NIP or NIK', () => {
    expect(isSamePerson(a, { accountId: 'a' })).toBe(true);
    expect(isSamePerson(a, { accountId: 'b', nip: a.nip })).toBe(true);
    expect(isSamePerson(a, { accountId: 'b', nik: a.nik })).toBe(true);
  });

  it('is not the same person when nothing matches or a value is missing on either side', () => {
    expect(isSamePerson(a, { accountId: 'b', nip: '197001012000011001', nik: '1602014101900002' })).toBe(false);
    expect(isSamePerson({ accountId: 'a' }, { accountId: 'b' })).toBe(false);
    expect(isSamePerson({ accountId: 'a', nip: null, nik: null }, { accountId: 'b', nip: null, nik: null })).toBe(
      false,
    );
    expect(isSamePerson({ accountId: 'a', nip: '' }, { accountId: 'b', nip: '' })).toBe(false);
  });
});
