import { Injectable } from '@nestjs/common';
import type { AnyApplicationDetails, ApplicationInput } from '#lib/contracts';
import { DomainError, type ExpectedEvidence } from '#lib/domain';
import { ApplicationRepository } from '../applications/application.repository.js';
import { RegistryClient } from '../registry/registry.client.js';
import { rulesFor } from './application-types.registry.js';

/** Where an application belongs once its rules hold. */
export interface CheckedApplication {
  regencyCode: string;
  familyCardNumber: string | null;
  /** The details as stored and shown. */
  details: AnyApplicationDetails;
  /** The evidence the clerk must see, as the rules decided it. */
  expectedEvidence: ExpectedEvidence[];
}

/**
 * Judges an application with its type's rules (`APPLICATION_TYPE_RULES`), which ask the registry
 * and the other applications what they need. Broken rules are one 422
 * `APPLICATION.RULE_VIOLATION` listing each of them.
 */
@Injectable()
export class ApplicationRulesService {
  constructor(
    private readonly registry: RegistryClient,
    private readonly applications: ApplicationRepository,
  ) {}

  async check(input: ApplicationInput, applicantNik: string, applicationId?: string): Promise<CheckedApplication> {
    const rules = rulesFor(input.type);
    const outcome = await rules.judge(input, {
      applicantNik,
      applicationId,
      registry: this.registry,
      applications: this.applications,
    });
    if (outcome.violations.length > 0 || outcome.regencyCode === undefined) {
      throw new DomainError('APPLICATION.RULE_VIOLATION', 'Permohonan tidak memenuhi ketentuan', {
        errors: outcome.violations,
      });
    }
    return {
      regencyCode: outcome.regencyCode,
      familyCardNumber: outcome.familyCardNumber ?? null,
      details: rules.toDetails(input),
      expectedEvidence: outcome.evidence ?? [],
    };
  }
}
