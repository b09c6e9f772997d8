/** The question-set schema under its old name, for tools/bench/bench-queries.ts. */
export { evalSetSchema } from './eval-files';
