// Raw JSON-RPC over websockets for the load test: a small client (many requests in flight on one
// connection, answers matched by id) and a pipelined `author_submitExtrinsic` submitter.
//
// `ws` is not a direct dependency of e2e: it comes with @polkadot/api (through
// @polkadot/rpc-provider and @polkadot/x-ws) and npm hoists it into e2e/node_modules.

import WebSocket from 'ws';

/** One websocket connection speaking JSON-RPC 2.0; `call` resolves with `result` or rejects. */
export class RpcClient {
  constructor(url) {
    this.url = url;
    this.nextId = 1;
    this.pending = new Map();
    this.ws = null;
  }

  async connect(timeoutMs = 30_000) {
    this.ws = new WebSocket(this.url, { maxPayload: 512 * 1024 * 1024, perMessageDeflate: false });
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`websocket ${this.url}: no connection within ${timeoutMs} ms`)), timeoutMs);
      this.ws.once('open', () => {
        clearTimeout(timer);
        resolve();
      });
      this.ws.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    this.ws.on('message', (data) => this.#onMessage(data));
    this.ws.on('close', () => {
      for (const [, { reject }] of this.pending) reject(new Error(`websocket ${this.url} closed`));
      this.pending.clear();
    });
    this.ws.on('error', () => {
      // 'close' follows and rejects what is pending.
    });
    return this;
  }

  #onMessage(data) {
    let msg;
    try {
      msg = JSON.parse(data.toString('utf8'));
    } catch {
      return;
    }
    const msgs = Array.isArray(msg) ? msg : [msg];
    for (const m of msgs) {
      const p = this.pending.get(m.id);
      if (!p) continue;
      this.pending.delete(m.id);
      if (m.error) {
        const err = new Error(`${m.error.code}: ${m.error.message}${m.error.data ? `: ${m.error.data}` : ''}`);
        err.code = m.error.code;
        err.data = m.error.data;
        p.reject(err);
      } else {
        p.resolve(m.result);
      }
    }
  }

  call(method, params = []) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }), (err) => {
        if (err) {
          this.pending.delete(id);
          reject(err);
        }
      });
    });
  }

  close() {
    try {
      this.ws?.close();
    } catch {
      // ignore
    }
  }
}

/** The short form of a submission error, for counting: code and message, not the tx-specific data. */
function errorKey(e) {
  const data = typeof e.data === 'string' ? e.data : e.data ? JSON.stringify(e.data) : '';
  return `${e.code ?? ''} ${e.message.split(':').slice(0, 2).join(':')}${data ? ` (${data.slice(0, 120)})` : ''}`.trim();
}

/**
 * Submits every hex-encoded signed extrinsic of `hexes` (in that order) with
 * `author_submitExtrinsic`, over `clients` (round robin), keeping at most `window` requests in
 * flight in total. Resolves when every one was answered.
 *
 * @returns {Promise<{accepted: number, rejected: number, errors: Record<string, number>,
 *   rejectedIndexes: number[], startedAt: number, endedAt: number}>}
 */
export async function submitAll(clients, hexes, { window = 4096, onProgress } = {}) {
  const startedAt = Date.now();
  const errors = {};
  const rejectedIndexes = [];
  let accepted = 0;
  let next = 0;
  let done = 0;
  await new Promise((resolve) => {
    if (hexes.length === 0) {
      resolve();
      return;
    }
    const launch = () => {
      while (next < hexes.length && next - done < window) {
        const i = next++;
        const client = clients[i % clients.length];
        client
          .call('author_submitExtrinsic', [hexes[i]])
          .then(() => {
            accepted += 1;
          })
          .catch((e) => {
            const key = errorKey(e);
            errors[key] = (errors[key] ?? 0) + 1;
            rejectedIndexes.push(i);
          })
          .finally(() => {
            done += 1;
            if (onProgress && done % 5000 === 0) onProgress(done, hexes.length);
            if (done === hexes.length) resolve();
            else launch();
          });
      }
    };
    launch();
  });
  return { accepted, rejected: rejectedIndexes.length, errors, rejectedIndexes, startedAt, endedAt: Date.now() };
}
