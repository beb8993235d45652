export * from './death-registration.input.js';
