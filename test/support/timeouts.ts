import { jest } from '@jest/globals';

// Integration and whole-system tests start real servers and wait for recoveries.
jest.setTimeout(60_000);
