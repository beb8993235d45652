/**
 * What a refused application may say about people outside the applicant's own family: nothing
 * but these sentences (API.md: "A 422 never tells a resident facts about people outside their own
 * family"). A resident sees their own KK (`GET /me/family`), so facts about its members may be
 * spelled out; whether a stranger's NIK exists, is deceased or moved out, heads a KK, lives in
 * another regency, how old or married they are, whether a KK number exists or who is in it, may
 * not — every such rule reads the same, whatever the registry holds, so a refusal cannot be used
 * to probe the registry (e.g. for the NIK + No. KK + birth date that registration asks).
 */

/** A KK the applicant is not in (or no KK of that number): nothing more. */
export const NOT_APPLICANTS_FAMILY = 'Pemohon harus anggota Kartu Keluarga yang dilaporkan';
/** A witness the rules do not accept: the registry's facts about them stay private. */
export const WITNESS_NOT_ACCEPTED = 'NIK saksi tidak dapat diterima sebagai saksi';
/**
 * A person outside the applicant's KK whom the rules do not accept for this application, for
 * whatever reason (unknown, not active, heads another KK, another regency, age, marital status).
 */
export const PERSON_NOT_ACCEPTED =
  'Penduduk dengan NIK ini tidak dapat diterima untuk permohonan ini; pastikan NIK benar, atau ajukan di kantor Disdukcapil';
