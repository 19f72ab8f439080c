// `npm run dev` in a project copy, for the dev test and the benchmark: started in its own
// process group on a free port, its output collected, ended as a whole.
import {spawn, type ChildProcess} from "node:child_process";
import {createServer} from "node:net";

export interface DevServer {
  /** http://127.0.0.1:<port>/ once the preview listens. */
  url: Promise<string>;
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const {port} = probe.address() as {port: number};
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export function startDev(dir: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 240_000): DevServer {
  let output = "";
  let server: ChildProcess | undefined;
  const url = (async () => {
    const port = await freePort();
    server = spawn("npm", ["run", "dev", "--", "--port", String(port)], {cwd: dir, detached: true, env: {...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...env}});
    server.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    server.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0];
      if (found) return found;
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`npm run dev did not start:\n${output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    url,
    output: () => output,
    async stop() {
      if (!server?.pid || server.exitCode !== null) return;
      const exited = new Promise((resolve) => server!.on("exit", resolve));
      process.kill(-server.pid, "SIGTERM");
      await exited;
    }
  };
}
