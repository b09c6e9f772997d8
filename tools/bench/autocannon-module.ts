// autocannon ships no types: this declares the module untyped, and bench-autocannon.ts types the
// part of its API the benchmark uses. A .ts file rather than a .d.ts, because the test harness
// (test/support/transpiled-project.ts) transpiles every file the tools tsconfig lists.
declare module 'autocannon' {
  const autocannon: unknown;
  export = autocannon;
}
