// Every property test draws the same cases on every run, so `npm test` runs the same way twice.
// fast-check prints the seed and path of a failing case; another seed: JIXIAO_FC_SEED=<n> npm test.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.JIXIAO_FC_SEED ?? 20261206) });
