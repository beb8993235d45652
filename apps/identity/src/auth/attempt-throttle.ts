import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '#lib/domain';
import { APP_CONFIG, APP_LOGGER, maskNiks, type AppLogger } from '#lib/platform/core';
import type { IdentityConfig } from '../config/identity.config.js';
import { LoginThrottleRepository, type ThrottlePolicy, type ThrottleRule } from './login-throttle.repository.js';

/** What is being guessed at: a password, a second factor, or the registry facts of a registration. */
export type AttemptKind = 'login' | 'mfa' | 'register';

const MESSAGES: Record<AttemptKind, string> = {
  login: 'Terlalu banyak percobaan masuk yang gagal; coba lagi setelah beberapa saat',
  mfa: 'Terlalu banyak kode verifikasi yang salah; coba lagi setelah beberapa saat',
  register: 'Terlalu banyak percobaan pendaftaran yang gagal; coba lagi setelah beberapa saat',
};

/**
 * Throttling of guesses, per account key (a username, a NIK, an account id) and per client
 * address. Three counters each time:
 * - the (account, address) pair, which trips first (LOGIN_MAX_FAILURES_PER_USERNAME): the one who
 *   guesses waits, not the owner signing in from elsewhere;
 * - the account over every address, with a much higher threshold (LOGIN_MAX_FAILURES_PER_ACCOUNT),
 *   against guesses spread over many addresses;
 * - the address over every account (LOGIN_MAX_FAILURES_PER_ADDRESS), against one client trying
 *   many accounts.
 * Registration counts per NIK and per address (REGISTER_MAX_FAILURES each).
 */
@Injectable()
export class AttemptThrottle {
  private readonly policy: ThrottlePolicy;

  constructor(
    @Inject(APP_CONFIG) private readonly config: IdentityConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly counters: LoginThrottleRepository,
  ) {
    this.policy = {
      windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
      baseDelaySeconds: config.THROTTLE_BASE_DELAY_SECONDS,
      maxDelaySeconds: config.THROTTLE_MAX_DELAY_SECONDS,
    };
  }

  rules(kind: AttemptKind, accountKey: string, clientAddress: string | undefined): ThrottleRule[] {
    const address = clientAddress ?? 'unknown';
    if (kind === 'register') {
      return [
        { key: `register:nik:${accountKey}`, threshold: this.config.REGISTER_MAX_FAILURES },
        { key: `register:address:${address}`, threshold: this.config.REGISTER_MAX_FAILURES },
      ];
    }
    return [
      { key: `${kind}:pair:${accountKey}|${address}`, threshold: this.config.LOGIN_MAX_FAILURES_PER_USERNAME },
      { key: `${kind}:account:${accountKey}`, threshold: this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT },
      { key: `${kind}:address:${address}`, threshold: this.config.LOGIN_MAX_FAILURES_PER_ADDRESS },
    ];
  }

  /** 429 with the seconds to wait while any of these counters imposes a delay. */
  async assertMayTry(kind: AttemptKind, rules: readonly ThrottleRule[]): Promise<void> {
    const wait = await this.counters.waitSeconds(rules.map((rule) => rule.key));
    if (wait > 0) throw this.tooMany(kind, wait);
  }

  /** Counts a failure and logs it (never a full NIK, never a password). */
  async failed(
    kind: AttemptKind,
    rules: readonly ThrottleRule[],
    accountKey: string,
    clientAddress?: string,
  ): Promise<void> {
    const wait = await this.counters.recordFailure(rules, this.policy);
    this.logger.warn(
      { attempt: kind, account: maskNiks(accountKey), clientAddress, waitSeconds: wait },
      `Failed ${kind} attempt`,
    );
  }

  /** A success clears the pair and the account's own counter (the address keeps its count). */
  async succeeded(rules: readonly ThrottleRule[]): Promise<void> {
    await this.counters.clear(
      rules.filter((rule) => !rule.key.includes(':address:')).map((rule) => rule.key),
      this.policy.windowSeconds,
    );
  }

  private tooMany(kind: AttemptKind, seconds: number): DomainError {
    return new DomainError('AUTH.TOO_MANY_ATTEMPTS', MESSAGES[kind], { details: { retryAfterSeconds: seconds } });
  }
}
