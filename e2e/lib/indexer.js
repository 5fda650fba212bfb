// Helpers to run the indexer (indexer/) against a test node: a private PostgreSQL through
// scripts/postgres (the same script scripts/indexer uses), the migrations, the processor and
// the GraphQL server, each on 127.0.0.1 and stopped by its PID. Processes still running when
// the test process exits are killed by the exit handlers registered below.

import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { freePort, sleep, waitFor } from './node.js';

const execFileP = promisify(execFile);

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const INDEXER_DIR = path.join(REPO, 'indexer');
const POSTGRES_SCRIPT = path.join(REPO, 'scripts', 'postgres');
const STOP_GRACE_MS = 15_000;
const LOG_LINES = 2_000;

/** PIDs to kill if the test process exits with them still running (signal per PID). */
const running = new Map();
let cleanupInstalled = false;
function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', () => {
    for (const [pid, signal] of running) {
      try {
        process.kill(pid, signal);
      } catch {
        // already gone
      }
    }
  });
}

/** Thrown when PostgreSQL can be neither found nor installed: the caller skips its test. */
export class PostgresUnavailable extends Error {}

/**
 * Starts a fresh PostgreSQL cluster in a temporary folder on a free port (installing Debian's
 * server package first if it is missing). Resolves with its PID, port, the DB_* environment the
 * indexer reads, and stop().
 */
export async function startPostgres() {
  installCleanup();
  try {
    await execFileP(POSTGRES_SCRIPT, ['install'], { maxBuffer: 16 * 1024 * 1024, timeout: 600_000 });
  } catch (e) {
    throw new PostgresUnavailable(`PostgreSQL is not installed and could not be installed: ${e.stderr || e.message}`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xindai-pg-'));
  const { stdout } = await execFileP(POSTGRES_SCRIPT, ['start', dir], { timeout: 120_000 });
  const vars = Object.fromEntries(stdout.split('\n').filter((l) => l.includes('=')).map((l) => l.split('=', 2)));
  const pid = Number(vars.PG_PID);
  const port = Number(vars.PG_PORT);
  if (!pid || !port) throw new Error(`scripts/postgres start printed no PID/port: ${stdout}`);
  // SIGQUIT at exit: the server's immediate shutdown, all that a synchronous handler can wait for.
  running.set(pid, 'SIGQUIT');
  const env = {
    DB_HOST: '127.0.0.1',
    DB_PORT: String(port),
    DB_NAME: process.env.XINDAI_PG_DB || 'xindai',
    DB_USER: process.env.XINDAI_PG_USER || 'postgres',
    DB_PASS: process.env.XINDAI_PG_PASSWORD || 'postgres',
  };
  let stopped = false;
  return {
    pid,
    port,
    dir,
    env,
    log: vars.PG_LOG,
    async stop() {
      if (stopped) return;
      stopped = true;
      await execFileP(POSTGRES_SCRIPT, ['stop', dir], { timeout: 60_000 });
      running.delete(pid);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function run(cmd, args, opts = {}) {
  try {
    return await execFileP(cmd, args, { cwd: INDEXER_DIR, maxBuffer: 64 * 1024 * 1024, ...opts });
  } catch (e) {
    e.message = `${cmd} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`;
    throw e;
  }
}

/** Installs the indexer's packages (npm ci) when missing and compiles it (tsc). */
export async function buildIndexer() {
  if (!existsSync(path.join(INDEXER_DIR, 'node_modules', '.bin', 'tsc'))) {
    await run('npm', ['ci', '--no-audit', '--no-fund'], { timeout: 900_000 });
  }
  await run('npm', ['run', 'build'], { timeout: 300_000 });
}

/** Applies the committed migrations (db/migrations) to the database of `dbEnv`. */
export async function applyMigrations(dbEnv) {
  await run(path.join('node_modules', '.bin', 'squid-typeorm-migration'), ['apply'], {
    env: { ...process.env, ...dbEnv },
    timeout: 120_000,
  });
}

/** Spawns `node <script>` in indexer/ with `env`, keeping its output; stop() by PID. */
function spawnIndexerProcess(name, script, env) {
  installCleanup();
  const lines = [];
  const child = spawn(process.execPath, [script], {
    cwd: INDEXER_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`failed to spawn ${script}`);
  running.set(pid, 'SIGKILL');
  const push = (chunk) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      lines.push(`[${name}] ${line}`);
      if (lines.length > LOG_LINES) lines.shift();
    }
  };
  child.stdout.on('data', push);
  child.stderr.on('data', push);
  let exitInfo = null;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      running.delete(pid);
      resolve(exitInfo);
    });
  });
  return {
    name,
    pid,
    logs: () => lines.join('\n'),
    printLogs: (why = '') =>
      process.stderr.write(`\n===== logs of ${name} (pid ${pid})${why ? ` — ${why}` : ''} =====\n${lines.slice(-300).join('\n')}\n===== end of ${name} =====\n`),
    exited: () => exitInfo !== null,
    exitInfo: () => exitInfo,
    /** SIGTERM (the processor finishes its batch's transaction or rolls it back), SIGKILL after a grace. */
    async stop() {
      if (exitInfo === null) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // already gone
        }
        const res = await Promise.race([exited, sleep(STOP_GRACE_MS).then(() => null)]);
        if (res === null && exitInfo === null) {
          process.kill(pid, 'SIGKILL');
          await exited;
        }
      }
      return exitInfo;
    },
  };
}

/** Starts the processor following `rpcUrl`, writing to the database of `dbEnv`. */
export function startProcessor({ rpcUrl, dbEnv, env = {} }) {
  return spawnIndexerProcess('processor', path.join('lib', 'main.js'), {
    XINDAI_INDEXER_RPC: rpcUrl,
    ...dbEnv,
    ...env,
  });
}

/** Starts the GraphQL server on a free port of 127.0.0.1; resolves once it answers. */
export async function startGraphql({ dbEnv, port }) {
  const gqlPort = port ?? (await freePort());
  const proc = spawnIndexerProcess('graphql', path.join('lib', 'serve.js'), { ...dbEnv, GQL_PORT: String(gqlPort) });
  const url = `http://127.0.0.1:${gqlPort}/graphql`;
  try {
    await waitFor(
      async () => {
        if (proc.exited()) throw new Error(`graphql server exited: ${JSON.stringify(proc.exitInfo())}\n${proc.logs()}`);
        // (Not squidStatus: its table appears only once the processor has started.)
        const res = await gql(url, '{ __typename }');
        return res.__typename === 'Query';
      },
      { timeoutMs: 60_000, what: 'the GraphQL server' },
    );
  } catch (e) {
    proc.printLogs('startup failed');
    await proc.stop();
    throw e;
  }
  return { ...proc, url, port: gqlPort };
}

/** One GraphQL query; rejects on transport or GraphQL errors. */
export async function gql(url, query, variables = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Resolves once the indexer has processed block `height` (squidStatus, hot blocks included). */
export async function waitIndexed(url, height, { timeoutMs = 120_000, processor } = {}) {
  return waitFor(
    async () => {
      if (processor?.exited()) throw new Error(`the processor exited: ${JSON.stringify(processor.exitInfo())}`);
      const { squidStatus } = await gql(url, '{ squidStatus { height } }');
      return squidStatus?.height >= height ? squidStatus.height : false;
    },
    { timeoutMs, intervalMs: 300, what: `the indexer to reach block ${height}` },
  );
}
