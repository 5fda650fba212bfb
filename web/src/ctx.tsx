// App-wide state: the chain, the best block (every view re-reads its data on each new block),
// the selected account, the assets' units, and the language.

import { createContext, useContext, useEffect, useRef, useState } from 'react';

import type { Account } from './accounts';
import type { Chain } from './chain';
import { type Lang, type MsgKey, translate } from './i18n';
import type { AssetInfo } from './units';

export interface Block {
  hash: string;
  number: number;
}

/** A transaction's latest state, shown in the page's transaction log (it outlives its button). */
export interface TxEntry {
  id: string;
  label: string;
  state: string;
  message: string;
  error?: string;
  at: number;
}

export interface AppCtx {
  /** Records a transaction's progress in the log. */
  logTx: (e: TxEntry) => void;
  chain: Chain;
  block: Block;
  /** The chain's clock at the best block (ms). */
  now: bigint;
  accounts: Account[];
  account: Account | undefined;
  assets: Record<number, AssetInfo>;
  lang: Lang;
  t: (key: MsgKey, params?: Record<string, string | number>) => string;
}

export const Ctx = createContext<AppCtx | null>(null);

export function useApp(): AppCtx {
  const c = useContext(Ctx);
  if (!c) throw new Error('useApp outside the app');
  return c;
}

export function makeT(lang: Lang) {
  return (key: MsgKey, params?: Record<string, string | number>) => translate(lang, key, params);
}

/**
 * Runs `load(blockHash)` now and again on every new best block (and when `deps` change); keeps the
 * last value while the next one loads, so views don't flicker.
 */
export function useChainData<T>(load: (at: string) => Promise<T>, deps: unknown[]): { data: T | undefined; error: unknown } {
  const { block } = useApp();
  // Data loaded for other `deps` (another account) is never shown: only a newer block's replaces it.
  const key = JSON.stringify(deps);
  const [state, setState] = useState<{ key: string; data: T | undefined; error: unknown }>({ key, data: undefined, error: undefined });
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    load(block.hash).then(
      (data) => mine === seq.current && setState({ key, data, error: undefined }),
      (error) => {
        if (mine === seq.current) setState((s) => ({ key, data: s.key === key ? s.data : undefined, error }));
        console.error(error);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [block.hash, key]);
  return state.key === key ? state : { data: undefined, error: undefined };
}

/** The asset's units, or a placeholder while metadata loads. */
export function assetOf(assets: Record<number, AssetInfo>, id: number): AssetInfo {
  return assets[id] ?? { id, symbol: `#${id}`, decimals: 0 };
}
