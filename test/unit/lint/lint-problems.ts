import { ESLint } from 'eslint';

const eslint = new ESLint();

/** The rule ids the project's ESLint config reports for `source` as if it were at `filePath`. */
export async function lintProblems(filePath: string, source: string): Promise<string[]> {
  return (await eslint.lintText(source, { filePath })).flatMap((result) => result.messages.map((m) => m.ruleId ?? m.message));
}
