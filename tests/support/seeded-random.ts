/**
 * A repeatable stream of numbers in [0, 1) (a linear congruential generator, Numerical Recipes'
 * constants): random-input tests that fail the same way every run.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}
