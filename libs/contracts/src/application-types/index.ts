export * from './application-types.registry.js';
export * from './birth-registration/birth-registration.input.js';
export * from './family-card-new/family-card-new.input.js';
export * from './family-card-update/family-card-update.input.js';
export * from './family-card-replacement/family-card-replacement.input.js';
export * from './death-registration/death-registration.input.js';
