/** One thing wrong with one record, located by file and line so a person can fix it. */
export interface Problem {
  file: string;
  line: number | null;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return problem.line === null ? `${problem.file}: ${problem.message}` : `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Thrown once, after every record has been checked, carrying all the problems found. */
export class ValidationError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const noun = problems.length === 1 ? "problem" : "problems";
    super(`${problems.length} ${noun} in the source records:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "ValidationError";
    this.problems = problems;
    // The message is the whole report; a stack trace would only bury it.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** Throws a ValidationError if any problem was collected. */
export function failIfAny(problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  // Ordered as a person would fix them: file by file, top to bottom.
  const ordered = [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  throw new ValidationError(ordered);
}
