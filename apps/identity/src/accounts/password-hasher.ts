import { Injectable, type OnModuleInit } from '@nestjs/common';
import argon2 from 'argon2';

/** argon2id at OWASP's recommended cost (19 MiB, 2 passes): slow for guessing, fine for a login. */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

@Injectable()
export class PasswordHasher implements OnModuleInit {
  /** Verified against when there is no account, so a login takes as long either way. */
  private decoy = '';

  async onModuleInit(): Promise<void> {
    this.decoy = await argon2.hash('decoy password that matches nothing', PASSWORD_HASH_OPTIONS);
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, PASSWORD_HASH_OPTIONS);
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    if (hash === null || hash === undefined || hash === '') {
      await argon2.verify(this.decoy, password).catch(() => false);
      return false;
    }
    return argon2.verify(hash, password).catch(() => false);
  }
}
