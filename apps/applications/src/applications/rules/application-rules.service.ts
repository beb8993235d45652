import { Injectable } from '@nestjs/common';
import type { ApplicationInput, FamilyView } from '#lib/contracts';
import { ApplicationType, DomainError } from '#lib/domain';
import { judgeDeathRegistration } from '../../application-types/death-registration/death-registration.rules.js';
import { RegistryClient } from '../../registry/registry.client.js';
import { ApplicationRepository } from '../application.repository.js';
import {
  checkBirthRegistration,
  checkFamilyCardNew,
  checkFamilyCardReplacement,
  checkFamilyCardUpdate,
  type RuleOutcome,
} from './application-rules.js';

/** Where an application belongs once its rules hold. */
export interface CheckedApplication {
  regencyCode: string;
  familyCardNumber: string | null;
}

/**
 * Asks the registry what the rules need and judges an application with them. Broken rules are
 * one 422 `APPLICATION.RULE_VIOLATION` listing each of them.
 */
@Injectable()
export class ApplicationRulesService {
  constructor(
    private readonly registry: RegistryClient,
    private readonly applications: ApplicationRepository,
  ) {}

  async check(input: ApplicationInput, applicantNik: string, applicationId?: string): Promise<CheckedApplication> {
    const outcome = await this.judge(input, applicantNik, applicationId);
    if (outcome.violations.length > 0 || outcome.regencyCode === undefined) {
      throw new DomainError('APPLICATION.RULE_VIOLATION', 'Permohonan tidak memenuhi ketentuan', {
        errors: outcome.violations,
      });
    }
    return { regencyCode: outcome.regencyCode, familyCardNumber: outcome.familyCardNumber ?? null };
  }

  private async judge(input: ApplicationInput, applicantNik: string, applicationId?: string): Promise<RuleOutcome> {
    switch (input.type) {
      case ApplicationType.BIRTH_REGISTRATION: {
        const [family, persons, pendingBirths] = await Promise.all([
          this.registry.family(input.familyCardNumber),
          this.registry.persons([input.fatherNik, input.motherNik, ...(input.witnessNiks ?? [])]),
          this.applications.pendingBirths(input.familyCardNumber, applicationId),
        ]);
        return checkBirthRegistration(input, applicantNik, { family, persons, pendingBirths });
      }
      case ApplicationType.FAMILY_CARD_NEW: {
        const persons = await this.registry.persons([input.headNik, ...input.members.map((m) => m.nik)]);
        const numbers = new Set(
          [...persons.values()].flatMap((p) => (p.familyCardNumber === undefined ? [] : [p.familyCardNumber])),
        );
        const found = await Promise.all([...numbers].map((number) => this.registry.family(number)));
        const families = new Map<string, FamilyView>(
          found.flatMap((family) => (family === undefined ? [] : [[family.familyCardNumber, family] as const])),
        );
        return checkFamilyCardNew(input, applicantNik, { persons, families });
      }
      case ApplicationType.FAMILY_CARD_UPDATE: {
        const [family, persons] = await Promise.all([
          this.registry.family(input.familyCardNumber),
          this.registry.persons((input.memberChanges ?? []).map((change) => change.nik)),
        ]);
        return checkFamilyCardUpdate(input, applicantNik, { family, persons });
      }
      case ApplicationType.FAMILY_CARD_REPLACEMENT: {
        const family = await this.registry.family(input.familyCardNumber);
        return checkFamilyCardReplacement(input, applicantNik, { family, persons: new Map() });
      }
      case ApplicationType.DEATH_REGISTRATION:
        return judgeDeathRegistration(input, applicantNik, {
          family: (number) => this.registry.family(number),
          persons: (niks) => this.registry.persons([...niks]),
          reportedDeaths: () => Promise.resolve([]),
        });
    }
  }
}
