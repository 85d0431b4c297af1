/**
 * How many rows a fresh page would change compared with the one on screen: errors that came in,
 * errors that left, and errors that moved. Moved is counted as the fewest rows that must move
 * (those off the longest run kept in order), so one error rising to the top is one update, not
 * every row it pushes down.
 */
export function countListUpdates(shown: readonly number[], fresh: readonly number[]): number {
  const shownSet = new Set(shown);
  const freshSet = new Set(fresh);
  const added = fresh.filter((id) => !shownSet.has(id)).length;
  const removed = shown.filter((id) => !freshSet.has(id)).length;
  const position = new Map(shown.map((id, index) => [id, index]));
  const kept = fresh.flatMap((id) => {
    const index = position.get(id);
    return index === undefined ? [] : [index];
  });
  return added + removed + kept.length - longestIncreasingRun(kept);
}

/** The length of the longest strictly increasing subsequence (patience sorting, n log n). */
function longestIncreasingRun(values: readonly number[]): number {
  const tails: number[] = [];
  for (const value of values) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((tails[middle] as number) < value) low = middle + 1;
      else high = middle;
    }
    tails[low] = value;
  }
  return tails.length;
}
