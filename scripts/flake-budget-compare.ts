/** The part of vitest's JSON report the flake budget reads. */
export interface VitestJson {
  testResults: { assertionResults: { fullName: string; status: string }[] }[];
}

function outcomes(report: VitestJson): Map<string, string> {
  return new Map(report.testResults.flatMap((file) => file.assertionResults.map((test) => [test.fullName, test.status] as const)));
}

/**
 * Each test whose outcome differs between two runs of the same tests (a test missing from one
 * run differs too), and each that failed in both.
 */
export function outcomeDifferences(first: VitestJson, second: VitestJson): { differences: string[]; failures: string[]; compared: number } {
  const a = outcomes(first);
  const b = outcomes(second);
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  const differences = names.filter((name) => a.get(name) !== b.get(name)).map((name) => `${name}: ${a.get(name) ?? 'not run'}, then ${b.get(name) ?? 'not run'}`);
  const failures = names.filter((name) => a.get(name) === 'failed' && b.get(name) === 'failed');
  return { differences, failures, compared: names.length };
}
