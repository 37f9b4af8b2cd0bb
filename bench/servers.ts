/** What the benches share to start the servers they measure: a free port, and a server process up. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Runs `node --import tsx <script…>` with `env` added, and resolves once `health` answers 2xx; fails
 * when it has not after `seconds`, or when the process exits first.
 */
export async function startServer(
  script: string[],
  env: Record<string, string>,
  health: string,
  seconds = 30,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < seconds * 10 && child.exitCode === null; i++) {
    try {
      if ((await fetch(health)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`${script.join(' ')} did not start`);
}

/** Ends a server started by `startServer` and waits for it to be gone. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await exited;
}
