export * from './document-kinds.registry.js';
export * from './kartu-keluarga.to-issue.js';
export * from './akta-kelahiran.to-issue.js';
export * from './akta-kematian.to-issue.js';
