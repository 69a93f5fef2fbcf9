/**
 * Typed access to mocha's globals for the data browser tests (the project has no @types/mocha).
 */
interface TestContext {
  timeout(ms: number): void;
}
type Body = (this: TestContext) => void | Promise<unknown>;
interface MochaGlobals {
  describe(name: string, body: () => void): void;
  it(name: string, body: Body): void;
  before(body: Body): void;
  after(body: Body): void;
  afterEach(body: Body): void;
}
const g = globalThis as unknown as MochaGlobals;
export const describe = g.describe;
export const it = g.it;
export const afterEach = g.afterEach;
