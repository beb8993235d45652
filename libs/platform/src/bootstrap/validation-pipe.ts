import { ValidationPipe } from '@nestjs/common';
import { validationPipeOptions } from '#lib/validation';

/**
 * The one validation configuration of every app, HTTP and NATS alike (libs/validation):
 * unknown fields are refused, values transformed into their classes, every invalid field listed.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe(validationPipeOptions);
}
