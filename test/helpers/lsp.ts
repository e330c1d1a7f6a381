// A minimal Language Server Protocol client over stdio (JSON-RPC 2.0 with Content-Length
// framing), enough to drive a real language server in tests: initialize, open documents, collect
// the diagnostics it publishes, answer the requests it sends back (configuration, registration).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  source?: string;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly diagnostics = new Map<string, LspDiagnostic[][]>();
  private readonly waiters: { uri: string; count: number; resolve(d: LspDiagnostic[]): void }[] = [];
  stderr = "";

  constructor(
    command: string,
    args: readonly string[],
    /** What the server gets for workspace/configuration, by section. */
    private readonly settings: Record<string, unknown>,
    cwd: string,
  ) {
    this.child = spawn(command, [...args], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString("utf8")));
    this.child.on("exit", () => {
      for (const p of this.pending.values()) p.reject(new Error(`language server exited: ${this.stderr}`));
      this.pending.clear();
    });
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString("ascii"))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8");
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Record<string, unknown>);
    }
  }

  private dispatch(message: Record<string, unknown>): void {
    const { id, method, params, result, error } = message as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };
    if (method === undefined && id !== undefined) {
      const p = this.pending.get(id);
      this.pending.delete(id);
      if (error) p?.reject(new Error(error.message));
      else p?.resolve(result);
      return;
    }
    if (method === "textDocument/publishDiagnostics") {
      const { uri, diagnostics } = params as { uri: string; diagnostics: LspDiagnostic[] };
      const list = this.diagnostics.get(uri) ?? [];
      list.push(diagnostics);
      this.diagnostics.set(uri, list);
      for (const w of [...this.waiters]) {
        if (w.uri === uri && list.length >= w.count) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(list[list.length - 1]!);
        }
      }
      return;
    }
    if (id === undefined) return; // other notifications (logs, telemetry)
    if (method === "workspace/configuration") {
      const items = (params as { items: { section?: string }[] }).items;
      this.send({ id, result: items.map((i) => (i.section ? this.settings[i.section] ?? null : this.settings)) });
      return;
    }
    this.send({ id, result: null }); // client/registerCapability, window/workDoneProgress/create, …
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** The next diagnostics published for `uri` after `count - 1` earlier publications. */
  diagnosticsFor(uri: string, count: number, timeoutMs: number): Promise<LspDiagnostic[]> {
    const list = this.diagnostics.get(uri) ?? [];
    if (list.length >= count) return Promise.resolve(list[count - 1]!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, count, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });
  }

  publications(uri: string): number {
    return this.diagnostics.get(uri)?.length ?? 0;
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.request("shutdown", null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify("exit", null);
    } finally {
      setTimeout(() => this.child.kill(), 500).unref();
    }
  }
}
