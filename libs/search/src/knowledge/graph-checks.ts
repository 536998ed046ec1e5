import { ConceptRecord, GraphProblem, labelKey, validateGraph } from '@ttm/knowledge';
import { AppError, ErrorCode } from '@ttm/errors';

/** The same problem twice is one problem. */
const problemKey = (problem: GraphProblem) => `${problem.concept}\u0000${problem.message}`;

/**
 * The problems an edit would bring: validateGraph on the graph after it, less those the graph already
 * had (so an old flaw elsewhere never blocks an unrelated edit, and an edit may only make things better).
 */
export function newProblems(before: readonly ConceptRecord[], after: readonly ConceptRecord[]): GraphProblem[] {
  const known = new Set(validateGraph(byId(before)).map(problemKey));
  return validateGraph(byId(after)).filter((problem) => !known.has(problemKey(problem)));
}

/** validateGraph names problems in the order it meets concepts: the same order on both sides compares them. */
const byId = (records: readonly ConceptRecord[]) => [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Problems that are about the shape of the graph (a cycle, a shared label, an id used twice), not about bad input. */
const isConflict = (problem: GraphProblem) =>
  problem.message.startsWith('broader cycle') || problem.message.startsWith('label "') || problem.message === 'is defined twice';

/**
 * The error an edit the graph refuses ends with: CONFLICT when it clashes with other concepts (a cycle, a
 * label already on another concept), BAD_USER_INPUT otherwise (an unknown id, a missing Chinese name…).
 */
export function graphRefusal(problems: readonly GraphProblem[]): AppError {
  const code = problems.every(isConflict) ? ErrorCode.CONFLICT : ErrorCode.BAD_USER_INPUT;
  const listed = problems.slice(0, 5).map((problem) => `${problem.concept}: ${problem.message}`);
  const more = problems.length > listed.length ? `; …and ${problems.length - listed.length} more` : '';
  return new AppError(code, `知识图谱校验未通过，未作任何修改 / The knowledge graph refuses this change, nothing was changed: ${listed.join('; ')}${more}`, {
    problems: problems.map((problem) => ({ concept: problem.concept, message: problem.message })),
  });
}

/** The key validateGraph compares labels by: language and the normalised value. */
export const labelIdentity = (label: { language: string; value: string }): string => `${label.language}|${labelKey(label.value)}`;
