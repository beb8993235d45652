import { AccessLogEntity } from './access-log/access-log.entity.js';
import { AccountEntity } from './accounts/account.entity.js';
import { FamilyMembershipEntity } from './registry/family-membership.entity.js';
import { FamilyEntity } from './registry/family.entity.js';
import { PersonEntity } from './registry/person.entity.js';

/** Every TypeORM entity of the identity database. */
export const identityEntities = [PersonEntity, FamilyEntity, FamilyMembershipEntity, AccountEntity, AccessLogEntity];
