import 'reflect-metadata';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA, SSE_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ACCESS_RULE, type AccessRule } from '@app/http';
import { GatewayModule } from '../apps/gateway/src/gateway.module';
import type { TestPlatform } from './platform';

/** Every `METHOD /path` the running gateway's Express router serves (Express path syntax: /v1/seniors/:seniorId). */
export function servedRoutes(platform: TestPlatform): string[] {
  interface Layer {
    route?: { path: string | string[]; methods: Record<string, boolean> };
  }
  const express = platform.gateway.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  const routes = express.router.stack.flatMap((layer) => {
    // Nest mounts middleware bound to every route (correlation ids, logging) as an all-methods '/{*path}' route.
    if (!layer.route || layer.route.path === '/{*path}') return [];
    const methods = Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m] && m !== '_all');
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    return paths.flatMap((path) => methods.map((method) => `${method.toUpperCase()} ${path}`));
  });
  return [...new Set(routes)];
}

/** A controller route as Nest declares it: its access rule and the DTO classes of its body and query. */
export interface DeclaredRoute {
  route: string;
  method: string;
  path: string;
  params: string[];
  rule: AccessRule | undefined;
  body?: new () => object;
  query?: new () => object;
  /** A server-sent event stream (@Sse). */
  stream: boolean;
}

type Controller = new (...args: never[]) => object;

/** The gateway's controller routes, read from Nest's metadata (the same the router is built from). */
export function declaredRoutes(): DeclaredRoute[] {
  const controllers = (GatewayModule.forRoot().controllers ?? []) as Controller[];
  return controllers.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .filter((name) => name !== 'constructor')
      .flatMap((name) => {
        const handler = (controller.prototype as Record<string, object>)[name];
        const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (methodPath === undefined) return [];
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const path = `/${[Reflect.getMetadata(PATH_METADATA, controller) as string, methodPath].map((p) => p.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number; data?: unknown }>;
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) as Array<new () => object>;
        const dtoOf = (kind: RouteParamtypes) => {
          const arg = Object.entries(args).find(([key, value]) => key.startsWith(`${kind}:`) && value.data === undefined)?.[1];
          const type = arg ? types[arg.index] : undefined;
          return type && type !== Object ? type : undefined;
        };
        const rule = (Reflect.getMetadata(ACCESS_RULE, handler) ?? Reflect.getMetadata(ACCESS_RULE, controller)) as AccessRule | undefined;
        const stream = Reflect.getMetadata(SSE_METADATA, handler) === true;
        return [{ route: `${method} ${path}`, method, path, params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]), rule, body: dtoOf(RouteParamtypes.BODY), query: dtoOf(RouteParamtypes.QUERY), stream }];
      }),
  );
}
