// Helpers to run a real `xindai-node` process for the end-to-end tests.
//
// Every node listens on 127.0.0.1 only, on free ports picked at start, runs
// with `--tmp` state, and is stopped by its PID (SIGTERM, then SIGKILL after
// 10 s). Nodes still running when the test process exits are killed by the
// exit/SIGINT/SIGTERM handlers registered below, so they never leak.

import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { ApiPromise, WsProvider } from '@polkadot/api';

const execFileP = promisify(execFile);

/** How long to wait for the RPC server of a freshly spawned node. */
export const STARTUP_TIMEOUT_MS = 120_000;
/** How long stop() waits after SIGTERM before sending SIGKILL. */
const STOP_GRACE_MS = 10_000;
/** Lines of node output kept per node. */
const LOG_LINES = 2_000;

/** Path of the node binary under test. */
export function nodeBinary() {
  if (process.env.XINDAI_NODE) return process.env.XINDAI_NODE;
  const target = process.env.CARGO_TARGET_DIR || path.join(os.homedir(), '.cache', 'xindai', 'target');
  return path.join(target, 'debug', 'xindai-node');
}

// ---------------------------------------------------------------------------
// Process bookkeeping and cleanup

/** Every node started by this process and not yet exited, by PID. */
const running = new Map();

function killAllSync(signal) {
  for (const [pid] of running) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

let cleanupInstalled = false;
function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  // 'exit' handlers must be synchronous: just send SIGKILL to what is left.
  process.on('exit', () => killAllSync('SIGKILL'));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      killAllSync('SIGKILL');
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
}

// ---------------------------------------------------------------------------
// Ports

const handedOut = new Set();

/** A free TCP port on 127.0.0.1 (not handed out before by this process). */
export async function freePort() {
  for (let i = 0; i < 50; i++) {
    const port = await new Promise((resolve, reject) => {
      const srv = net.createServer();
      srv.unref();
      srv.on('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const { port: p } = srv.address();
        srv.close(() => resolve(p));
      });
    });
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error('could not find a free TCP port on 127.0.0.1');
}

// ---------------------------------------------------------------------------
// Small utilities

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
export const stripAnsi = (s) => s.replace(ANSI, '');

/**
 * Poll `fn` until it returns a truthy value (which is returned), or throw
 * after `timeoutMs` with `what` and the last value/error in the message.
 */
export async function waitFor(fn, { timeoutMs = 60_000, intervalMs = 500, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  let lastErr;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() > deadline) {
      const detail = lastErr ? `last error: ${lastErr.message}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${detail})`);
    }
    await sleep(intervalMs);
  }
}

/** One raw JSON-RPC call over HTTP (the RPC port serves HTTP and WS). */
export async function httpRpc(port, method, params = [], timeoutMs = 5_000) {
  const res = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await res.json();
  if (body.error) {
    const err = new Error(`${body.error.code}: ${body.error.message}${body.error.data ? `: ${body.error.data}` : ''}`);
    err.code = body.error.code;
    err.data = body.error.data;
    throw err;
  }
  return body.result;
}

// ---------------------------------------------------------------------------
// Binary introspection

let helpText;
/** `xindai-node --help` output (cached). */
export async function nodeHelp() {
  if (helpText === undefined) {
    const { stdout } = await execFileP(nodeBinary(), ['--help'], { maxBuffer: 4 * 1024 * 1024 });
    helpText = stdout;
  }
  return helpText;
}

/** Whether `xindai-node --help` lists the given long flag, e.g. '--allow-private-ip'. */
export async function supportsFlag(flag) {
  const help = await nodeHelp();
  return new RegExp(`(^|[\\s,])${flag.replace(/[-]/g, '\\-')}([\\s=<,]|$)`, 'm').test(help);
}

/**
 * Peer id of an ed25519 node key (32-byte hex secret) via
 * `xindai-node key inspect-node-key --file <tmp>`.
 */
export async function peerIdOfNodeKey(hexKey) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xindai-e2e-key-'));
  try {
    const file = path.join(dir, 'node-key');
    writeFileSync(file, hexKey.replace(/^0x/, ''));
    const { stdout } = await execFileP(nodeBinary(), ['key', 'inspect-node-key', '--file', file]);
    const lines = stripAnsi(stdout).split('\n').map((l) => l.trim()).filter(Boolean);
    const id = lines.reverse().find((l) => /^12D3Koo\w+$|^Qm\w+$/.test(l));
    if (!id) throw new Error(`unexpected output of key inspect-node-key: ${stdout}`);
    return id;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Nodes

/**
 * Spawn a node and connect an ApiPromise to it.
 *
 * @param {object} opts
 * @param {string[]} [opts.args]  extra CLI args (e.g. ['--dev', '--sealing', 'instant'])
 * @param {string}   [opts.name]  node name (--name) and log prefix
 * @param {boolean}  [opts.connectApi=true] create `api` (ApiPromise)
 * @param {string}   [opts.basePath] keep the chain in this directory (default: `--tmp`), so a
 *   restarted node finds it again
 * @param {{rpcPort: number, p2pPort: number}} [opts.ports] reuse these ports (a restart)
 * @param {string}   [opts.bin] the node binary (default: the xindai-node under test; the
 *   parachain test passes polkadot-omni-node)
 * @returns {Promise<{api: ApiPromise, provider: WsProvider, wsUrl: string, rpcPort: number,
 *   p2pPort: number, pid: number, name: string, stop: () => Promise<void>, logs: () => string,
 *   printLogs: (why?: string) => void, peerId: () => string|undefined,
 *   rpc: (method: string, params?: any[]) => Promise<any>, exited: () => boolean}>}
 */
export async function startNode({ args = [], name = 'xindai-e2e', connectApi = true, basePath, ports, bin = nodeBinary() } = {}) {
  installCleanup();
  if (!existsSync(bin)) {
    throw new Error(`node binary not found at ${bin} (set XINDAI_NODE or CARGO_TARGET_DIR, and build it first)`);
  }

  const rpcPort = ports?.rpcPort ?? (await freePort());
  const p2pPort = ports?.p2pPort ?? (await freePort());
  const wsUrl = `ws://127.0.0.1:${rpcPort}`;
  const fullArgs = [
    ...(basePath ? ['--base-path', basePath] : ['--tmp']),
    '--rpc-port', String(rpcPort),
    // (sc-cli's --port conflicts with --listen-addr, so only the latter is given.)
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
    '--rpc-cors', 'all',
    '--name', name,
    ...args,
  ];

  const lines = [];
  /** Waiters for the next log line matching a pattern: [re, resolve]. */
  const logWaiters = [];
  let peerId;
  const push = (stream, chunk, partial) => {
    const text = partial.rest + chunk.toString('utf8');
    const parts = text.split('\n');
    partial.rest = parts.pop();
    for (const raw of parts) {
      const line = stripAnsi(raw).replace(/\r$/, '');
      const m = /Local node identity is: (\w+)/.exec(line);
      if (m) peerId = m[1];
      lines.push(`[${name}${stream === 'stderr' ? '' : ' stdout'}] ${line}`);
      if (lines.length > LOG_LINES) lines.shift();
      for (let i = logWaiters.length - 1; i >= 0; i -= 1) {
        if (logWaiters[i][0].test(line)) logWaiters.splice(i, 1)[0][1](line);
      }
    }
  };

  const child = spawn(bin, fullArgs, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_BACKTRACE: process.env.RUST_BACKTRACE ?? '1' },
  });
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error(`failed to spawn ${bin}`);
  }
  running.set(pid, child);
  const outPartial = { rest: '' };
  const errPartial = { rest: '' };
  child.stdout.on('data', (c) => push('stdout', c, outPartial));
  child.stderr.on('data', (c) => push('stderr', c, errPartial));

  let exitInfo = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      running.delete(pid);
      resolve(exitInfo);
    });
    child.on('error', (err) => {
      lines.push(`[${name}] spawn error: ${err.message}`);
    });
  });

  const logs = () => {
    const tail = [...lines];
    if (outPartial.rest) tail.push(`[${name} stdout] ${stripAnsi(outPartial.rest)}`);
    if (errPartial.rest) tail.push(`[${name}] ${stripAnsi(errPartial.rest)}`);
    return tail.join('\n');
  };
  const printLogs = (why = '') => {
    process.stderr.write(
      `\n===== logs of node "${name}" (pid ${pid}, ${bin} ${fullArgs.join(' ')})${why ? ` — ${why}` : ''} =====\n` +
        `${logs().split('\n').slice(-400).join('\n')}\n===== end of logs of "${name}" =====\n`,
    );
  };

  let api;
  let provider;
  let stopped = false;
  const stop = async () => {
    if (stopped) return exitPromise;
    stopped = true;
    if (api) {
      try {
        await Promise.race([api.disconnect(), sleep(5_000)]);
      } catch {
        // ignore
      }
    } else if (provider) {
      try {
        await provider.disconnect();
      } catch {
        // ignore
      }
    }
    if (exitInfo === null) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const res = await Promise.race([exitPromise, sleep(STOP_GRACE_MS).then(() => null)]);
      if (res === null && exitInfo === null) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await exitPromise;
      }
    }
    return exitInfo;
  };

  const handle = {
    name,
    pid,
    rpcPort,
    p2pPort,
    wsUrl,
    args: fullArgs,
    logs,
    printLogs,
    stop,
    /** Kills the process with `signal` (default SIGKILL) at once; resolves when it has exited. */
    kill: async (signal = 'SIGKILL') => {
      stopped = true;
      if (exitInfo === null) {
        try {
          process.kill(pid, signal);
        } catch {
          // already gone
        }
      }
      const res = await exitPromise;
      if (provider) provider.disconnect().catch(() => {});
      return res;
    },
    /** Resolves with the next log line (from now on) that matches `re`; rejects after `timeoutMs`. */
    nextLog: (re, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const waiter = [re, (line) => { clearTimeout(timer); resolve(line); }];
        const timer = setTimeout(() => {
          const i = logWaiters.indexOf(waiter);
          if (i >= 0) logWaiters.splice(i, 1);
          reject(new Error(`node "${name}": no log line matching ${re} within ${timeoutMs} ms`));
        }, timeoutMs);
        logWaiters.push(waiter);
      }),
    peerId: () => peerId,
    exited: () => exitInfo !== null,
    /** Raw JSON-RPC call over the api's websocket (rejects on RPC error). */
    rpc: (method, params = []) => provider.send(method, params),
    /** Raw JSON-RPC call over HTTP (independent of the api). */
    http: (method, params = []) => httpRpc(rpcPort, method, params),
  };

  try {
    // Wait until the RPC server answers system_health.
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    for (;;) {
      if (exitInfo !== null) {
        throw new Error(`node "${name}" exited during startup (code ${exitInfo.code}, signal ${exitInfo.signal})`);
      }
      try {
        await httpRpc(rpcPort, 'system_health', [], 2_000);
        break;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) {
        throw new Error(`node "${name}" RPC did not answer on 127.0.0.1:${rpcPort} within ${STARTUP_TIMEOUT_MS} ms`);
      }
      await sleep(500);
    }

    if (connectApi) {
      provider = new WsProvider(wsUrl, 1_000, {}, 120_000);
      api = await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
      await api.isReady;
    } else {
      provider = new WsProvider(wsUrl, 1_000, {}, 120_000);
      await provider.isReady;
    }
    handle.api = api;
    handle.provider = provider;
    return handle;
  } catch (err) {
    printLogs(`startup failed: ${err.message}`);
    await stop().catch(() => {});
    err.message = `${err.message}\n--- last node output ---\n${logs().split('\n').slice(-60).join('\n')}`;
    throw err;
  }
}

/**
 * Runs the node with `args` (plus `--tmp` and free local ports) expecting it to refuse to start:
 * resolves with its exit code and output once it exits, or rejects if it is still running after
 * `timeoutMs` (then it is killed).
 */
export async function runToExit(args, { timeoutMs = 60_000 } = {}) {
  installCleanup();
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const fullArgs = ['--tmp', '--rpc-port', String(rpcPort), '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--no-prometheus', '--no-telemetry', '--no-mdns', ...args];
  const child = spawn(nodeBinary(), fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.set(child.pid, child);
  let output = '';
  child.stdout.on('data', (c) => { output += c.toString('utf8'); });
  child.stderr.on('data', (c) => { output += c.toString('utf8'); });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => {
    running.delete(child.pid);
    resolve({ code, signal });
  }));
  const res = await Promise.race([exited, sleep(timeoutMs).then(() => null)]);
  if (res === null) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`the node did not exit within ${timeoutMs} ms:\n${stripAnsi(output).slice(-4000)}`);
  }
  return { ...res, output: stripAnsi(output) };
}

/**
 * Register an afterEach hook (call inside a describe) that prints the logs of
 * the given nodes when a test fails or times out.
 *
 * @param {import('node:test').afterEach} afterEach
 * @param {() => Array<{printLogs: Function}|undefined>} getNodes
 */
export function printLogsOnFailure(afterEach, getNodes) {
  afterEach((t) => {
    if (t.passed === false) {
      for (const n of getNodes()) n?.printLogs(`test "${t.name}" failed`);
    }
  });
}
