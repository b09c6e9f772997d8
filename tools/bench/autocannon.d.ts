// autocannon ships no types; bench-autocannon.ts types the part of its API the benchmark uses.
declare module 'autocannon' {
  const autocannon: unknown;
  export = autocannon;
}
