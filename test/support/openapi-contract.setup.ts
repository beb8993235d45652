import TestModule from 'supertest/lib/test.js';
import { OpenApiContract } from './openapi-contract.js';

/**
 * Every response a whole-system test receives through supertest is checked against
 * docs/openapi.json before the test's own expectations run: a response the document does not
 * allow fails the request as an `.expect()` would (OpenApiContract says why).
 */

interface ResponseLike {
  status: number;
  headers: Record<string, string | undefined>;
  body: unknown;
  req?: { method?: string; path?: string };
}

interface TestLike {
  assert(
    error: Error | null,
    response: ResponseLike | undefined,
    callback?: (error: Error | null, response?: ResponseLike) => void,
  ): void;
}

const contract = OpenApiContract.fromFile();
const Test = TestModule as unknown as { prototype: TestLike };
const assert = Test.prototype.assert;

Test.prototype.assert = function checkedAssert(this: TestLike, error, response, callback): void {
  if (response?.req?.method !== undefined && response.req.path !== undefined) {
    const violation = contract.violation({
      method: response.req.method,
      url: response.req.path,
      status: response.status,
      contentType: response.headers['content-type'],
      body: response.body,
    });
    if (violation !== undefined) {
      callback?.call(this, new Error(`OpenAPI contract: ${violation}`), response);
      return;
    }
  }
  assert.call(this, error, response, callback);
};
