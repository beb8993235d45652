import { ValidationPipe } from '@nestjs/common';
import { validationFailed } from '../nats/validation-errors.js';

/**
 * The one validation configuration of every app, HTTP and NATS alike: unknown fields are
 * refused, values transformed into their classes, and every invalid field listed.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(errors),
  });
}
