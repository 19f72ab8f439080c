// Which cell depends on which, from the names each SQL cell mentions: another SQL cell's name
// (`FROM top_partners`) or an input's `$name`. Running a cell re-runs exactly the cells
// downstream of it, in dependency order; a cycle or a clash of names is an error on the cell.
import {NAME, providedParameters, type Cell} from "./notebookModel.js";
import {mentionedNames, parameterNames} from "./sqlScan.js";

export interface NotebookGraph {
  /** For each cell id, the ids of the cells it reads. */
  upstream: Map<string, Set<string>>;
  /** For each cell id, the ids of the cells that read it. */
  downstream: Map<string, Set<string>>;
  /** Cells that cannot run, with the reason. */
  errors: Map<string, string>;
  /** Every SQL cell, upstream before downstream (ties keep the notebook's order). */
  order: string[];
}

export interface GraphOptions {
  /** Names already taken in the database (the site's tables, the reader's files). */
  reserved?: Iterable<string>;
}

export function buildGraph(cells: readonly Cell[], {reserved = []}: GraphOptions = {}): NotebookGraph {
  const errors = new Map<string, string>();
  const taken = new Set([...reserved].map((n) => n.toLowerCase()));
  const owners = new Map<string, string[]>(); // lower-cased name -> ids of cells providing it
  for (const cell of cells) {
    if (cell.kind === "markdown") continue;
    if (!NAME.test(cell.name)) errors.set(cell.id, `"${cell.name}" is not a usable name: start with a letter or _, then letters, digits or _.`);
    else if (cell.kind === "sql" && taken.has(cell.name.toLowerCase())) errors.set(cell.id, `The name ${cell.name} is already a table; choose another name for this cell.`);
    const names = cell.kind === "sql" ? [cell.name] : providedParameters(cell);
    for (const name of names) owners.set(name.toLowerCase(), [...(owners.get(name.toLowerCase()) ?? []), cell.id]);
  }
  const nameOf = new Map(cells.map((c) => [c.id, "name" in c ? c.name : ""]));
  for (const [name, ids] of owners) {
    if (ids.length < 2) continue;
    for (const id of ids) errors.set(id, `Two cells are named ${name}: ${ids.map((i) => nameOf.get(i)).join(" and ")}. Rename one of them.`);
  }

  const sqlIds = new Set(cells.filter((c) => c.kind === "sql").map((c) => c.id));
  const upstream = new Map<string, Set<string>>();
  const downstream = new Map<string, Set<string>>(cells.map((c) => [c.id, new Set<string>()]));
  for (const cell of cells) {
    const reads = new Set<string>();
    if (cell.kind === "sql") {
      for (const name of mentionedNames(cell.sql)) for (const id of owners.get(name) ?? []) if (id !== cell.id && sqlIds.has(id)) reads.add(id);
      for (const name of parameterNames(cell.sql)) for (const id of owners.get(name.toLowerCase()) ?? []) if (!sqlIds.has(id)) reads.add(id);
    }
    upstream.set(cell.id, reads);
    for (const id of reads) downstream.get(id)!.add(cell.id);
  }

  for (const cycle of findCycles(cells.map((c) => c.id), upstream)) {
    const names = cycle.map((id) => nameOf.get(id));
    for (const id of cycle) errors.set(id, `These cells read each other in a circle: ${[...names, names[0]].join(" → ")}. Break the circle.`);
  }
  return {upstream, downstream, errors, order: topologicalOrder(cells, upstream)};
}

/** The SQL cells to run when `changed` changed: those cells and everything downstream, in order. */
export function cellsToRun(graph: NotebookGraph, changed: Iterable<string>): string[] {
  const affected = new Set<string>();
  const visit = (id: string) => {
    if (affected.has(id)) return;
    affected.add(id);
    for (const next of graph.downstream.get(id) ?? []) visit(next);
  };
  for (const id of changed) visit(id);
  return graph.order.filter((id) => affected.has(id));
}

export type CellOutcome = {status: "done"} | {status: "failed"; error: string} | {status: "stale"; reason: string};

/**
 * Runs `ids` one after another with `run`. A cell whose upstream failed, is in error or went
 * stale in this pass is not run: it is stale, and says which cell it waits for.
 */
export async function runInOrder(
  graph: NotebookGraph,
  ids: readonly string[],
  run: (id: string) => Promise<void>,
  {nameOf, report, failedBefore = new Set<string>()}: {nameOf: (id: string) => string; report: (id: string, outcome: CellOutcome) => void; failedBefore?: ReadonlySet<string>}
): Promise<Map<string, CellOutcome>> {
  const outcomes = new Map<string, CellOutcome>();
  const broken = (id: string) => graph.errors.has(id) || (outcomes.has(id) ? outcomes.get(id)!.status !== "done" : failedBefore.has(id));
  for (const id of ids) {
    let outcome: CellOutcome;
    const blocker = [...(graph.upstream.get(id) ?? [])].find(broken);
    if (graph.errors.has(id)) outcome = {status: "failed", error: graph.errors.get(id)!};
    else if (blocker) outcome = {status: "stale", reason: `Stale: it reads ${nameOf(blocker)}, which ${outcomes.get(blocker)?.status === "stale" ? "is stale itself" : "failed"}. Fix that cell and this one runs again.`};
    else {
      try {
        await run(id);
        outcome = {status: "done"};
      } catch (error) {
        outcome = {status: "failed", error: error instanceof Error ? error.message : String(error)};
      }
    }
    outcomes.set(id, outcome);
    report(id, outcome);
  }
  return outcomes;
}

function topologicalOrder(cells: readonly Cell[], upstream: Map<string, Set<string>>): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  const pending = cells.filter((c) => c.kind === "sql").map((c) => c.id);
  // Repeatedly take the first cell (in notebook order) whose upstream is placed; cells left in a cycle go last.
  while (pending.length) {
    const index = pending.findIndex((id) => [...upstream.get(id)!].every((up) => placed.has(up) || !pending.includes(up)));
    const [id] = pending.splice(index < 0 ? 0 : index, 1);
    placed.add(id);
    order.push(id);
  }
  return order;
}

function findCycles(ids: readonly string[], upstream: Map<string, Set<string>>): string[][] {
  // Tarjan's strongly connected components; a component of two or more cells is a cycle.
  let index = 0;
  const indexes = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (id: string) => {
    indexes.set(id, index);
    low.set(id, index++);
    stack.push(id);
    onStack.add(id);
    for (const next of upstream.get(id) ?? []) {
      if (!indexes.has(next)) (connect(next), low.set(id, Math.min(low.get(id)!, low.get(next)!)));
      else if (onStack.has(next)) low.set(id, Math.min(low.get(id)!, indexes.get(next)!));
    }
    if (low.get(id) === indexes.get(id)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== id);
      if (component.length > 1) cycles.push(component.reverse());
    }
  };
  for (const id of ids) if (!indexes.has(id)) connect(id);
  return cycles;
}
