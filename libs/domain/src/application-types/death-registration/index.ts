export * from './death-registration.type.js';
export * from './death-registration.rules.js';
export * from './death-certificate-number.js';
