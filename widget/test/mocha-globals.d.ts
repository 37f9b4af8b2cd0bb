/**
 * The Mocha globals @web/test-runner provides in the browser. Declared here because @types/mocha is
 * not a dependency (and tsconfig's `types: ["node"]` would hide it anyway); only what tests use.
 */
type MochaDone = (error?: unknown) => void;
type MochaFn = (this: MochaContext, done: MochaDone) => void | Promise<unknown>;

interface MochaContext {
  timeout(ms: number): void;
  skip(): never;
}

interface MochaSuite {
  (title: string, fn: (this: MochaContext) => void): void;
  only(title: string, fn: (this: MochaContext) => void): void;
  skip(title: string, fn: (this: MochaContext) => void): void;
}

interface MochaTest {
  (title: string, fn?: MochaFn): void;
  only(title: string, fn?: MochaFn): void;
  skip(title: string, fn?: MochaFn): void;
}

declare const describe: MochaSuite;
declare const it: MochaTest;
declare function before(fn: MochaFn): void;
declare function after(fn: MochaFn): void;
declare function beforeEach(fn: MochaFn): void;
declare function afterEach(fn: MochaFn): void;
