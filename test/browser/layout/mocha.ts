/**
 * Typed access to mocha's globals for the layout browser tests (the project has no
 * @types/mocha; with it installed this module can go).
 */
type Body = () => void | Promise<unknown>;
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
export const before = g.before;
export const after = g.after;
export const afterEach = g.afterEach;
