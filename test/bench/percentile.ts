/** The p-th percentile by nearest rank (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) throw new Error('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
