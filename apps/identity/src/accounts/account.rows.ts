/** A row of the `account` table (created by the first migration), as its repository reads it. */
export interface AccountRow {
  id: string;
  role: string;
  username: string | null;
  nik: string | null;
  password_hash: string | null;
  full_name: string | null;
  nip: string | null;
  regency_code: string | null;
  admin_scope: string | null;
  staff_nik: string | null;
  created_at: Date;
  disabled_at: Date | null;
  tokens_valid_after: Date | null;
  password_change_required: boolean;
  last_login_at: Date | null;
  mfa_enabled_at: Date | null;
}

/** Residents (by NIK), staff (username, role, regency, NIP) and agencies sign in as accounts. */
export interface Account {
  id: string;
  role: string;
  username: string | null;
  nik: string | null;
  passwordHash: string | null;
  fullName: string | null;
  nip: string | null;
  regencyCode: string | null;
  /** ADMIN only: DEPLOYMENT or REGENCY (libs/domain `AdminScope`). */
  adminScope: string | null;
  /** Staff: the NIK of the person behind the account, when recorded (never a sign-in name). */
  staffNik: string | null;
  createdAt: Date;
  disabledAt: Date | null;
  tokensValidAfter: Date | null;
  passwordChangeRequired: boolean;
  lastLoginAt: Date | null;
  mfaEnabled: boolean;
}

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    role: row.role,
    username: row.username,
    nik: row.nik,
    passwordHash: row.password_hash,
    fullName: row.full_name,
    nip: row.nip,
    regencyCode: row.regency_code,
    adminScope: row.admin_scope,
    staffNik: row.staff_nik,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    tokensValidAfter: row.tokens_valid_after,
    passwordChangeRequired: row.password_change_required,
    lastLoginAt: row.last_login_at,
    mfaEnabled: row.mfa_enabled_at !== null,
  };
}
