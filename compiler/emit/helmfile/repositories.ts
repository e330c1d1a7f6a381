// Chart repositories: one entry per distinct URL, named after the catalog's name for curated
// repositories and after the URL otherwise, sorted by name. OCI registries (`oci://…`) are listed
// with `oci: true` and their URL without the scheme, as helmfile expects.
import { addonCatalog } from "../../catalog/addons.js";
import type { HelmfileRepository } from "./types.js";

export const OCI_PREFIX = "oci://";

/** The URL repositories are compared by: no trailing slash. */
export function canonicalUrl(url: string): string {
  return url.replace(/\/+$/, "");
}

function slug(url: string): string {
  const bare = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  return bare.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "charts";
}

export class Repositories {
  private readonly byUrl = new Map<string, HelmfileRepository>();
  private readonly preferred = new Map<string, string>();

  constructor() {
    for (const info of addonCatalog) this.preferred.set(canonicalUrl(info.repo.url), info.repo.name);
  }

  /** Registers a URL (with the name to give it when it is new); returns its repository. */
  add(url: string, name?: string): HelmfileRepository {
    const key = canonicalUrl(url);
    const known = this.byUrl.get(key);
    if (known) return known;
    const oci = key.startsWith(OCI_PREFIX);
    const taken = new Set([...this.byUrl.values()].map((r) => r.name));
    const base = name ?? this.preferred.get(key) ?? slug(key);
    let unique = base;
    for (let n = 2; taken.has(unique); n++) unique = `${base}-${n}`;
    const repo: HelmfileRepository = oci ? { name: unique, url: key.slice(OCI_PREFIX.length), oci: true } : { name: unique, url: key };
    this.byUrl.set(key, repo);
    return repo;
  }

  list(): HelmfileRepository[] {
    return [...this.byUrl.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
