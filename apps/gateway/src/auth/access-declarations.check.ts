import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators.js';

/** The routes of controllers that say neither who may call them nor that anyone may. */
export function undeclaredRoutes(
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  controllers: ReadonlyArray<{ name: string; prototype: object; target: Function }>,
  reflector: Reflector,
  scanner: MetadataScanner,
): string[] {
  const missing: string[] = [];
  for (const { name, prototype, target } of controllers) {
    for (const method of scanner.getAllMethodNames(prototype)) {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
      const handler = (prototype as Record<string, unknown>)[method] as Function;
      const isRoute =
        Reflect.getMetadata(PATH_METADATA, handler) !== undefined &&
        Reflect.getMetadata(METHOD_METADATA, handler) !== undefined;
      if (!isRoute) continue;
      const declared =
        reflector.getAllAndOverride<unknown>(PUBLIC_ROUTE, [handler, target]) !== undefined ||
        reflector.getAllAndOverride<unknown>(ALLOWED_ROLES, [handler, target]) !== undefined;
      if (!declared) missing.push(`${name}.${method}`);
    }
  }
  return missing;
}

/**
 * The gateway refuses to start with a route that declares no access (`@Public`, `@Roles` or
 * `@Authenticated`): a forgotten decorator must not become an open endpoint.
 */
@Injectable()
export class AccessDeclarationsCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly scanner: MetadataScanner,
  ) {}

  onApplicationBootstrap(): void {
    const controllers = this.discovery
      .getControllers()
      .filter((wrapper) => wrapper.metatype !== undefined && wrapper.metatype !== null)
      .map((wrapper) => {
        const target = wrapper.metatype as unknown as { name: string; prototype: object };
        // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
        return { name: target.name, prototype: target.prototype, target: target as unknown as Function };
      });
    const missing = undeclaredRoutes(controllers, this.reflector, this.scanner);
    if (missing.length > 0) {
      throw new Error(
        `Routes without an access declaration (@Public, @Roles or @Authenticated): ${missing.join(', ')}`,
      );
    }
  }
}
