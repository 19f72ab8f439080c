// How a notebook's cells depend on each other. A SQL cell depends on every cell whose name it
// mentions as a table (`FROM top_partners`) and on every input whose parameter it uses
// (`$country`); a drop-down input depends on the cell its choices come from. The plan orders
// the cells so that each runs after what it reads, and puts a clear error on a cell that
// cannot run: a name used twice, a name that is already a table, a parameter no input
// defines, or a cycle.
import type {Cell} from "./format.js";
import {referencedNames, referencedParameters} from "./sqlTokens.js";

export type PlannedCell = Cell & {id: string};

export interface Plan {
  /** Per cell id, the ids of the cells it reads, in notebook order. */
  upstream: Map<string, string[]>;
  /** Per cell id, why it cannot run, when it cannot. */
  errors: Map<string, string>;
  /** Every cell id, each after the cells it reads (cells in a cycle come last, in notebook order). */
  order: string[];
}

/** `tables` are the names the database already has (the site's tables, the reader's files, tables made in SQL). */
export function planNotebook(cells: readonly PlannedCell[], {tables = new Set<string>()}: {tables?: ReadonlySet<string>} = {}): Plan {
  const errors = new Map<string, string>();
  const byName = new Map<string, PlannedCell[]>();
  for (const cell of cells) if (cell.kind !== "markdown") byName.set(cell.name, [...(byName.get(cell.name) ?? []), cell]);
  for (const [name, named] of byName) {
    if (named.length > 1) for (const cell of named) errors.set(cell.id, `The name ${name} is used by ${named.length} cells; give each cell its own name.`);
    else if (tables.has(name)) errors.set(named[0].id, `The name ${name} is already a table in the database; give this cell another name.`);
  }
  const single = (name: string) => (byName.get(name)?.length === 1 ? byName.get(name)![0] : undefined);
  const sqlNames = new Set(cells.flatMap((c) => (c.kind === "sql" ? [c.name] : [])));
  const position = new Map(cells.map((c, i) => [c.id, i]));
  const upstream = new Map<string, string[]>();
  for (const cell of cells) {
    const reads = new Set<string>();
    if (cell.kind === "sql") {
      for (const name of referencedNames(cell.text, sqlNames)) {
        const source = single(name);
        if (source === cell) errors.set(cell.id, errors.get(cell.id) ?? `The cell reads its own name, ${name}: a cell cannot select from itself.`);
        else if (source) reads.add(source.id);
      }
      for (const parameter of referencedParameters(cell.text)) {
        const input = single(parameter);
        if (input?.kind === "input") reads.add(input.id);
        else if (!errors.has(cell.id)) errors.set(cell.id, input ? `$${parameter} is a SQL cell, not an input: select from it by name, without the $.` : `There is no input named ${parameter} for $${parameter}: add an input cell with that name.`);
      }
    } else if (cell.kind === "input" && cell.input.control === "select") {
      const source = single(cell.input.table);
      if (source?.kind === "sql") reads.add(source.id);
    }
    upstream.set(cell.id, [...reads].sort((a, b) => position.get(a)! - position.get(b)!));
  }
  // Kahn's algorithm, taking the earliest cell in the notebook whenever several are ready.
  const remaining = new Map(cells.map((c) => [c.id, upstream.get(c.id)!.length]));
  const downstream = new Map<string, string[]>(cells.map((c) => [c.id, []]));
  for (const [id, reads] of upstream) for (const read of reads) downstream.get(read)!.push(id);
  const order: string[] = [];
  const ready = cells.filter((c) => remaining.get(c.id) === 0).map((c) => c.id);
  while (ready.length) {
    ready.sort((a, b) => position.get(a)! - position.get(b)!);
    const id = ready.shift()!;
    order.push(id);
    for (const next of downstream.get(id)!) {
      remaining.set(next, remaining.get(next)! - 1);
      if (remaining.get(next) === 0) ready.push(next);
    }
  }
  const stuck = cells.filter((c) => !order.includes(c.id));
  if (stuck.length) {
    const names = new Map(cells.map((c) => [c.id, c.kind === "markdown" ? "(markdown)" : c.name]));
    for (const cell of stuck) {
      const cycle = findCycle(cell.id, upstream);
      errors.set(cell.id, cycle ? `These cells read each other in a circle: ${[...cycle, cycle[0]].map((id) => names.get(id)).join(" → ")}. Break the circle by changing one of them.` : `The cell reads a cell that is in a circle of cells reading each other.`);
      order.push(cell.id);
    }
  }
  return {upstream, errors, order};
}

function findCycle(start: string, upstream: Map<string, string[]>): string[] | null {
  const path: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string): string[] | null => {
    if (path.includes(id)) return path.slice(path.indexOf(id));
    if (seen.has(id)) return null;
    seen.add(id);
    path.push(id);
    for (const next of upstream.get(id) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    return null;
  };
  const cycle = visit(start);
  return cycle && cycle.includes(start) ? rotate(cycle, start) : null;
}

const rotate = (cycle: string[], start: string) => [...cycle.slice(cycle.indexOf(start)), ...cycle.slice(0, cycle.indexOf(start))];

/** The cells that read `id`, directly or through others, in run order (not `id` itself). */
export function dependentsOf(plan: Plan, id: string): string[] {
  const found = new Set<string>();
  const visit = (from: string) => {
    for (const [cell, reads] of plan.upstream) if (reads.includes(from) && !found.has(cell)) (found.add(cell), visit(cell));
  };
  visit(id);
  return plan.order.filter((cell) => found.has(cell));
}
