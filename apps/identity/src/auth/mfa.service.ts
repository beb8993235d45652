import { Injectable } from '@nestjs/common';
import type {
  CompleteMfaLoginRequest,
  ConfirmMfaRequest,
  MfaEnrolmentReply,
  RecoveryCodesReply,
  SessionReply,
  StartMfaEnrolmentRequest,
} from '#lib/contracts';
import { DomainError, STAFF_ROLES } from '#lib/domain';
import { AccountSessionsService } from '../accounts/account-sessions.service.js';
import { AccountRepository } from '../accounts/account.repository.js';
import { SecondFactorRepository } from '../accounts/second-factor.repository.js';
import { AttemptThrottle } from './attempt-throttle.js';
import { invalidCredentials } from './login.service.js';
import { SecondFactor } from './second-factor.js';
import { SessionTokensService } from './session-tokens.service.js';

const TOTP_CODE = /^\d{6}$/;

/**
 * The second factor (TOTP, RFC 6238): enrolment from the staff console (`POST /me/mfa`, then
 * `/me/mfa/confirm` with a first code), and the second step of a sign-in (`POST /auth/mfa`), where
 * a recovery code works once in place of a code. Wrong codes are throttled like passwords.
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly store: SecondFactorRepository,
    private readonly totp: SecondFactor,
    private readonly throttle: AttemptThrottle,
    private readonly revocation: AccountSessionsService,
    private readonly tokens: SessionTokensService,
  ) {}

  async start({ principal }: StartMfaEnrolmentRequest): Promise<MfaEnrolmentReply> {
    if (!(STAFF_ROLES as readonly string[]).includes(principal.role)) {
      throw new DomainError('AUTH.FORBIDDEN', 'Verifikasi dua langkah hanya untuk akun petugas');
    }
    const account = await this.accounts.findById(principal.accountId);
    if (account === null) throw new DomainError('ACCOUNT.NOT_FOUND', 'Akun tidak ditemukan');
    if (account.mfaEnabled) {
      throw new DomainError('MFA.ALREADY_ENABLED', 'Verifikasi dua langkah sudah aktif untuk akun ini');
    }
    const secret = this.totp.newSecret();
    const recoveryCodes = this.totp.recoveryCodes();
    await this.store.startEnrolment(account.id, this.totp.encrypt(secret), recoveryCodes);
    const otpauthUri = this.totp.uri(secret, account.username ?? account.id);
    return { secret, otpauthUri, qrCodeDataUrl: await this.totp.qrCode(otpauthUri), recoveryCodes };
  }

  async confirm({ principal, code }: ConfirmMfaRequest): Promise<void> {
    const rules = this.throttle.rules('mfa', principal.accountId, undefined);
    await this.throttle.assertMayTry('mfa', rules);
    const secrets = await this.store.secretsOf(principal.accountId);
    if (secrets?.pending === null || secrets === undefined) {
      throw new DomainError('MFA.NOT_STARTED', 'Mulai pendaftaran verifikasi dua langkah terlebih dahulu');
    }
    const step = await this.totp.check(this.totp.decrypt(secrets.pending), code);
    if (step === undefined) {
      await this.throttle.failed('mfa', rules, principal.accountId);
      throw new DomainError('MFA.INVALID_CODE', 'Kode verifikasi salah; periksa jam ponsel Anda dan coba lagi');
    }
    if (!(await this.store.enable(principal.accountId, step))) {
      throw new DomainError('MFA.NOT_STARTED', 'Mulai pendaftaran verifikasi dua langkah terlebih dahulu');
    }
    await this.throttle.succeeded(rules);
    // Other sessions were opened with the password alone: they end. This one goes on (a refresh
    // gives it a token without the enrolment restriction).
    await this.revocation.revokeAllFor(principal.accountId, 'MFA_ENABLED', principal.sessionId);
  }

  /**
   * `POST /me/mfa/recovery-codes`: with a current code, new recovery codes replace every old one.
   * Wrong codes count against the same `mfa` throttle as enrolment and sign-in.
   */
  async newRecoveryCodes({ principal, code }: ConfirmMfaRequest): Promise<RecoveryCodesReply> {
    const rules = this.throttle.rules('mfa', principal.accountId, undefined);
    await this.throttle.assertMayTry('mfa', rules);
    const secrets = await this.store.secretsOf(principal.accountId);
    if (secrets?.secret === null || secrets === undefined) {
      throw new DomainError('MFA.NOT_ENABLED', 'Verifikasi dua langkah belum aktif untuk akun ini');
    }
    if (!(await this.acceptCode(principal.accountId, this.totp.decrypt(secrets.secret), code, secrets.lastTimeStep))) {
      await this.throttle.failed('mfa', rules, principal.accountId);
      throw new DomainError('MFA.INVALID_CODE', 'Kode verifikasi salah; periksa jam ponsel Anda dan coba lagi');
    }
    await this.throttle.succeeded(rules);
    const recoveryCodes = this.totp.recoveryCodes();
    await this.store.replaceRecoveryCodes(principal.accountId, recoveryCodes);
    return { recoveryCodes };
  }

  async completeLogin(request: CompleteMfaLoginRequest): Promise<SessionReply> {
    const accountId = await this.store.challengeAccount(request.mfaToken);
    if (accountId === undefined) throw invalidCredentials();
    const rules = this.throttle.rules('mfa', accountId, request.clientAddress);
    await this.throttle.assertMayTry('mfa', rules);
    const account = await this.accounts.findById(accountId);
    const secrets = await this.store.secretsOf(accountId);
    if (account === null || secrets?.secret === null || secrets === undefined) throw invalidCredentials();
    const accepted = TOTP_CODE.test(request.code)
      ? await this.acceptCode(accountId, this.totp.decrypt(secrets.secret), request.code, secrets.lastTimeStep)
      : await this.store.useRecoveryCode(accountId, request.code.toLowerCase());
    if (!accepted) {
      await this.throttle.failed('mfa', rules, accountId, request.clientAddress);
      throw new DomainError('AUTH.INVALID_CREDENTIALS', 'Kode verifikasi salah');
    }
    if (!(await this.store.consumeChallenge(request.mfaToken))) throw invalidCredentials();
    await this.throttle.succeeded(rules);
    return this.tokens.open(account, { device: request.device, clientAddress: request.clientAddress });
  }

  private async acceptCode(accountId: string, secret: string, code: string, lastStep: number | null): Promise<boolean> {
    const step = await this.totp.check(secret, code, lastStep ?? undefined);
    return step !== undefined && (await this.store.useTimeStep(accountId, step));
  }
}
