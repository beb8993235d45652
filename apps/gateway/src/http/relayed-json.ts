import { RouteConfig, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest, RawServerDefault } from 'fastify';
import { IDEMPOTENCY_KEY_HEADER } from '#lib/platform/core';
import { acceptedBody, inputRefusal, jsonObject } from '#lib/platform/http';

/**
 * A JSON body kept as the bytes that arrived, for a route that relays it to the service that
 * validates it (`RpcClient.relayRaw`; libs/platform/src/rpc/relayed-body.ts). That service
 * parses it and refuses it exactly as Fastify's parser would have here (empty, not JSON, not an
 * object, prototype poisoning: 400 `REQUEST.MALFORMED` with the same message).
 */
export class RelayedJson {
  constructor(readonly bytes: Buffer) {}
}

const RELAY_CONFIG_KEY = 'relayJsonBody';
/**
 * Larger bodies are parsed here as before: sent as they came they might not fit a NATS message
 * (`max_payload`, 1 MiB by default, the same as the body limit), where their JSON written again
 * without the sender's spacing does. A batch of 1,000 checks is ≈ 150–300 kB.
 */
const RELAY_MAX_BYTES = 512 * 1024;

/**
 * Marks a route whose JSON body the gateway relays unparsed (a batch of 1,000 checks: its parse
 * and the serialization back to NATS were a quarter of the gateway's time per batch). A request
 * carrying an `Idempotency-Key` is parsed as usual: its fingerprint is taken over the parsed body
 * (API.md "Safe retries": the same body however the JSON was laid out).
 */
export function RelayJsonBody(): MethodDecorator {
  return RouteConfig({ [RELAY_CONFIG_KEY]: true });
}

function relays(request: FastifyRequest): boolean {
  const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
  return config?.[RELAY_CONFIG_KEY] === true && request.headers[IDEMPOTENCY_KEY_HEADER] === undefined;
}

/**
 * The gateway's JSON parser (in place of Nest's default one): reads the body as bytes, hands a
 * RelayedJson to the routes marked `@RelayJsonBody()`, and to every other route what Fastify's
 * own parser gives (same poisoning rules, same errors, the same body limit), then only an object
 * (every body of the API is one: `null`, a list or a string is a 400 here, before any route
 * reads it), passed through `acceptedBody` (too deep or holding U+0000: 400; null properties
 * removed). A relayed body gets the same treatment where it is parsed (`parseRelayedBody`).
 */
export function useRelayingJsonParser(app: NestFastifyApplication, bodyLimit: number): void {
  const parseJson = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    if (body.length > 0 && body.length <= RELAY_MAX_BYTES && relays(request)) {
      done(null, new RelayedJson(body));
      return;
    }
    void parseJson(request, body as unknown as string, (error, parsed) => {
      if (error !== null) {
        done(error, undefined);
        return;
      }
      const refused = inputRefusal(() => acceptedBody(jsonObject(parsed)));
      done(refused ?? null, refused === undefined ? parsed : undefined);
    });
  });
}
