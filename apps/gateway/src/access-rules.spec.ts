import 'reflect-metadata';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ACCESS_RULE } from '@app/http';
import { GatewayModule } from './gateway.module';

/** Every route declares who may call it; a new route without @Access or @Public fails here. */
describe('access rules', () => {
  const controllers = GatewayModule.forRoot().controllers ?? [];
  const routes = controllers.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => ({ controller, handler: (controller.prototype as Record<string, unknown>)[name] as object, name }))
      .filter(({ handler }) => Reflect.getMetadata(PATH_METADATA, handler) !== undefined),
  );

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(12);
  });

  it.each(routes.map((r) => [`${r.controller.name}.${r.name} (${RequestMethod[Reflect.getMetadata(METHOD_METADATA, r.handler) as number]})`, r]))(
    '%s declares an access rule',
    (_, route) => {
      const rule = Reflect.getMetadata(ACCESS_RULE, route.handler) ?? Reflect.getMetadata(ACCESS_RULE, route.controller);
      expect(rule).toBeDefined();
    },
  );
});
