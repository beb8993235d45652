import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { Controller, Get, Post } from '@nestjs/common';
import { MetadataScanner, Reflector } from '@nestjs/core';
import { Role } from '#lib/domain';
import { Authenticated, Public, Roles } from './auth.decorators.js';
import { undeclaredRoutes } from './access-declarations.check.js';

@Controller('open')
class MixedController {
  @Get()
  @Public()
  open(): void {}

  @Get('mine')
  @Authenticated()
  mine(): void {}

  @Post('forgotten')
  forgotten(): void {}

  /** Not a route: never reported. */
  helper(): void {}
}

@Controller('admin')
@Roles(Role.ADMIN)
class AdminController {
  @Get()
  list(): void {}
}

const of = (target: { name: string; prototype: object }) => ({
  name: target.name,
  prototype: target.prototype,
  target: target as unknown as () => void,
});

describe('undeclaredRoutes', () => {
  it('names the routes that declare no access, on the method or the class', () => {
    expect(
      undeclaredRoutes([of(MixedController), of(AdminController)], new Reflector(), new MetadataScanner()),
    ).toEqual(['MixedController.forgotten']);
  });
});
