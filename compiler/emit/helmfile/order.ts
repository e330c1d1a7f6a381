// Install order: the `needs` graph helmfile turns into install groups (a release starts after
// everything it needs succeeded; releases in one group run concurrently). On top of the needs
// each release declares, two rules keep a fresh cluster installable in one `helmfile apply`:
//
// - barrier (the AWS Load Balancer Controller): its Service webhook rejects every new Service
//   while its pods are not ready, so nothing may create a Service while it installs. It needs
//   every release of an earlier tier (foundation), and every release of a later tier needs it;
// - last (Velero): it needs every release that does not need it, so its first backup covers
//   the whole stack.
//
// Added edges are skipped when the order already follows from existing needs, which keeps each
// `needs` list to what it adds. Groups are longest-path levels, as `helmfile show-dag` prints.
import type { Tier } from "../../addons/wiring/index.js";

export interface OrderInput {
  id: string;
  tier: Tier;
  barrier: boolean;
  last: boolean;
  needs: readonly string[];
}

export interface Order {
  /** Final needs per release id, sorted. */
  needs: Map<string, string[]>;
  /** Install group per release id, 1-based. */
  group: Map<string, number>;
  /** Release ids per group, in group order, each sorted. */
  groups: string[][];
}

const TIER_RANK: Readonly<Record<Tier, number>> = { foundation: 0, gateway: 1, platform: 2, app: 3, backup: 4 };

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class NeedsCycleError extends Error {}

class Graph {
  readonly edges = new Map<string, Set<string>>();
  /** Edges the rules added (not declared by a release), in the order they were added. */
  readonly added: [string, string][] = [];

  constructor(ids: readonly string[]) {
    for (const id of ids) this.edges.set(id, new Set());
  }

  add(from: string, to: string): void {
    const targets = this.edges.get(from);
    if (!targets || !this.edges.has(to)) throw new Error(`needs edge ${from} → ${to} between unknown releases`);
    targets.add(to);
  }

  /** `from` needs `to`, directly or through other releases. */
  reaches(from: string, to: string): boolean {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const id = stack.pop()!;
      for (const next of this.edges.get(id) ?? []) {
        if (next === to) return true;
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return false;
  }

  /** Prerequisites first; ties by id. Throws on a cycle. */
  topological(): string[] {
    const pending = new Map([...this.edges].map(([id, targets]) => [id, new Set(targets)]));
    const order: string[] = [];
    while (pending.size > 0) {
      const ready = [...pending].filter(([, targets]) => targets.size === 0).map(([id]) => id).sort(byString);
      if (ready.length === 0) throw new NeedsCycleError(`needs cycle among ${[...pending.keys()].sort(byString).join(", ")}`);
      for (const id of ready) {
        order.push(id);
        pending.delete(id);
        for (const targets of pending.values()) targets.delete(id);
      }
    }
    return order;
  }

  /** Adds from → to unless the order already holds (or the edge would close a cycle). */
  ensure(from: string, to: string): void {
    if (from === to || this.reaches(from, to) || this.reaches(to, from)) return;
    this.add(from, to);
    this.added.push([from, to]);
  }

  /** Drops added edges that a later rule made redundant (the order holds without them). */
  reduceAdded(): void {
    for (const [from, to] of this.added) {
      const targets = this.edges.get(from)!;
      targets.delete(to);
      if (!this.reaches(from, to)) targets.add(to);
    }
  }
}

export function orderReleases(releases: readonly OrderInput[]): Order {
  const graph = new Graph(releases.map((r) => r.id));
  for (const r of releases) for (const need of r.needs) graph.add(r.id, need);
  graph.topological(); // declared needs must already be acyclic

  const tierOf = new Map(releases.map((r) => [r.id, TIER_RANK[r.tier]]));
  for (const barrier of releases.filter((r) => r.barrier).sort((a, b) => byString(a.id, b.id))) {
    const rank = TIER_RANK[barrier.tier];
    for (const id of graph.topological()) {
      const tier = tierOf.get(id)!;
      if (tier < rank) graph.ensure(barrier.id, id);
      else if (tier > rank) graph.ensure(id, barrier.id);
    }
  }

  for (const last of releases.filter((r) => r.last).sort((a, b) => byString(a.id, b.id))) {
    const candidates = releases.map((r) => r.id).filter((id) => id !== last.id && !graph.reaches(id, last.id));
    // The candidates no other candidate needs: after them, every candidate is installed.
    const sinks = candidates.filter((c) => !candidates.some((o) => o !== c && graph.reaches(o, c)));
    for (const sink of sinks.sort(byString)) graph.ensure(last.id, sink);
  }

  graph.reduceAdded();

  const order = graph.topological();
  const group = new Map<string, number>();
  for (const id of order) {
    const levels = [...graph.edges.get(id)!].map((n) => group.get(n)!);
    group.set(id, levels.length === 0 ? 1 : Math.max(...levels) + 1);
  }
  const count = Math.max(0, ...group.values());
  const groups = Array.from({ length: count }, (_, i) => order.filter((id) => group.get(id) === i + 1).sort(byString));
  const needs = new Map([...graph.edges].map(([id, targets]) => [id, [...targets].sort(byString)]));
  return { needs, group, groups };
}
