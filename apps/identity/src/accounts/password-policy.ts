import { Injectable } from '@nestjs/common';
import { DomainError, personalPasswordProblem, type PasswordOwnerFacts } from '#lib/domain';
import { RegistryRepository } from '../registry/registry.repository.js';

/**
 * The half of the password rules that needs to know the person (libs/domain
 * `personalPasswordProblem`: not built from their NIK, No. KK, NIP, birth date, name or username);
 * the common-password list is checked where the message is validated (`@IsNotCommonPassword`).
 * A refusal is a 400 naming the field, like any other rule of the form.
 */
@Injectable()
export class PasswordPolicy {
  constructor(private readonly registry: RegistryRepository) {}

  /** Adds what the registry knows of the person with `facts.nik` (name, birth date, current KK) to the facts given. */
  async assertNotPersonal(field: string, password: string, facts: PasswordOwnerFacts): Promise<void> {
    const all: PasswordOwnerFacts = { ...facts };
    const nik = facts.nik;
    if (nik !== undefined && nik !== null) {
      const person = await this.registry.findPerson(nik);
      if (person !== undefined) {
        all.fullName = [facts.fullName, person.full_name]
          .filter((name) => name !== undefined && name !== null)
          .join(' ');
        all.birthDate ??= person.birth_date;
        all.familyCardNumber ??= person.family_card_number ?? undefined;
      }
    }
    const problem = personalPasswordProblem(password, all);
    if (problem !== undefined) {
      throw new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid', {
        errors: [{ field, message: problem }],
      });
    }
  }
}
