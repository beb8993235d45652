export * from './death-registration.js';
export * from './death-certificate-number.js';
