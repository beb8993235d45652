/** Injection tokens of what every app has: its validated configuration and its logger. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const APP_LOGGER = Symbol('APP_LOGGER');
