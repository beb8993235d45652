import { describe, expect, it } from '@jest/globals';
import { IsString, MinLength } from 'class-validator';
import { ServiceConfig } from './base.config.js';
import { ConfigError, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('applies defaults and converts numbers', () => {
    const config = loadConfig('identity', ServiceConfig, {
      DATABASE_URL: 'postgres://localhost/x',
      NATS_TIMEOUT_MS: '2500',
    });
    expect(config.NATS_TIMEOUT_MS).toBe(2500);
    expect(config.DATABASE_POOL_SIZE).toBe(10);
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config).toBeInstanceOf(ServiceConfig);
  });

  it('fails listing every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig('identity', ServiceConfig, { NATS_TIMEOUT_MS: 'soon', LOG_LEVEL: 'loud', DATABASE_POOL_SIZE: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DATABASE_POOL_SIZE',
      'DATABASE_URL',
      'LOG_LEVEL',
      'NATS_TIMEOUT_MS',
    ]);
    expect(message).toContain('Invalid configuration for identity');
    expect(message).toContain('DATABASE_URL: ');
    expect(message).toContain('(unset)');
  });

  it('treats an empty variable as unset and never prints a secret', () => {
    class WithSecret extends ServiceConfig {
      @IsString()
      @MinLength(32)
      SIGNING_SECRET_KEY: string;
    }
    const error = (() => {
      try {
        loadConfig('x', WithSecret, {
          DATABASE_URL: '',
          NATS_URL: 'nats://n:4222',
          DATABASE_POOL_SIZE: 'abc',
          SIGNING_SECRET_KEY: 'too-short-secret',
        });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.problems.find((p) => p.startsWith('DATABASE_URL'))).toContain('(unset)');
    expect(error.problems.find((p) => p.startsWith('DATABASE_POOL_SIZE'))).toContain('got "abc"');
    expect(error.problems.find((p) => p.startsWith('SIGNING_SECRET_KEY'))).toContain('got "***"');
    expect(error.message).not.toContain('too-short-secret');
  });
});
