export const APPEND_ONLY_TABLES: Record<string, string[]>;
export function roleNamesOf(database: string): { owner: string; runtime: string };
export function provisionServiceDatabase(options: {
  adminUrl: string;
  database: string;
  service: string;
  ownerPassword?: string;
  runtimePassword?: string;
}): Promise<{ ownerUrl: string; runtimeUrl: string; roles: { owner: string; runtime: string } }>;
export function dropServiceDatabase(options: { adminUrl: string; database: string }): Promise<void>;
