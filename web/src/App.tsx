import { useCallback, useEffect, useMemo, useState } from 'react';

import { type Account, devAccounts, extensionAccounts, extensionNames } from './accounts';
import { type Chain, connect, endpoint } from './chain';
import { type Block, Ctx, type TxEntry, makeT } from './ctx';
import type { Lang, MsgKey } from './i18n';
import { KNOWN_ASSETS, NATIVE, formatAmount, shortAddress, type AssetInfo } from './units';
import { CreditView } from './views/Credit';
import { DevView } from './views/Dev';
import { GovernanceView } from './views/Governance';
import { P2pView } from './views/P2p';
import { PoolsView } from './views/Pools';
import { SmeView } from './views/Sme';
import { VerifierView } from './views/Verifier';

const TABS = ['credit', 'pools', 'p2p', 'sme', 'verifier', 'governance', 'dev'] as const;
type Tab = (typeof TABS)[number];

function initialLang(): Lang {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'en' || q === 'zh') return q;
  const saved = localStorage.getItem('xindai.lang');
  if (saved === 'en' || saved === 'zh') return saved;
  return navigator.language.startsWith('zh') ? 'zh' : 'en';
}

function tabFromHash(): Tab {
  const h = location.hash.replace('#', '') as Tab;
  return TABS.includes(h) ? h : 'credit';
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => makeT(lang), [lang]);
  const [chain, setChain] = useState<Chain>();
  const [failure, setFailure] = useState<string>();
  const [block, setBlock] = useState<Block>();
  const [now, setNow] = useState<bigint>(0n);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [selected, setSelected] = useState<string>(() => new URLSearchParams(location.search).get('account') ?? localStorage.getItem('xindai.account') ?? '');
  const [assets, setAssets] = useState<Record<number, AssetInfo>>(KNOWN_ASSETS);
  const [tab, setTab] = useState<Tab>(tabFromHash);
  const [native, setNative] = useState<bigint>();
  const [extensions, setExtensions] = useState<string[]>([]);
  const [txLog, setTxLog] = useState<TxEntry[]>([]);
  const logTx = useCallback((e: TxEntry) => setTxLog((old) => [e, ...old.filter((x) => x.id !== e.id)].slice(0, 6)), []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('app.title');
    localStorage.setItem('xindai.lang', lang);
  }, [lang, t]);

  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHash);
    // Extensions inject themselves after the page loads.
    const timer = setTimeout(() => setExtensions(extensionNames()), 500);
    return () => {
      window.removeEventListener('hashchange', onHash);
      clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    let sub: { unsubscribe(): void } | undefined;
    let cancelled = false;
    const url = endpoint();
    connect(url).then(
      (c) => {
        if (cancelled) return;
        setChain(c);
        if (c.chainType === 'Development' || c.chainType === 'Local') setAccounts(devAccounts(c.ss58));
        sub = c.client.bestBlocks$.subscribe((blocks) => {
          const b = blocks[0];
          if (b) setBlock((old) => (old?.hash === b.hash ? old : { hash: b.hash, number: b.number }));
        });
      },
      (e) => setFailure(`${url}: ${String(e?.message ?? e)}`),
    );
    return () => {
      cancelled = true;
      sub?.unsubscribe();
    };
  }, []);

  const account = accounts.find((a) => a.address === selected) ?? accounts[0];

  // The chain's clock, the asset metadata and the account's XDI, at each best block.
  useEffect(() => {
    if (!chain || !block) return;
    const at = { at: block.hash };
    chain.api.query.Timestamp.Now.getValue(at).then(setNow, console.error);
    if (account) chain.api.query.System.Account.getValue(account.address, at).then((a) => setNative(a.data.free), console.error);
  }, [chain, block, account]);

  useEffect(() => {
    if (!chain || !block) return;
    chain.api.query.Assets.Metadata.getEntries({ at: block.hash }).then((entries) => {
      const next: Record<number, AssetInfo> = { ...KNOWN_ASSETS };
      for (const e of entries) {
        const id = e.keyArgs[0] as number;
        if (id >= 1_000_000) continue;
        const symbol = new TextDecoder().decode(e.value.symbol as unknown as Uint8Array);
        if (symbol) next[id] = { id, symbol, decimals: e.value.decimals };
      }
      setAssets(next);
    }, console.error);
    // Only once per connection: asset metadata rarely changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chain, block === undefined]);

  const isDev = chain && (chain.chainType === 'Development' || chain.chainType === 'Local');

  async function connectExtension(name: string) {
    try {
      const more = await extensionAccounts(name, chain?.ss58 ?? 42);
      setAccounts((old) => [...old.filter((a) => a.source !== name), ...more]);
    } catch (e) {
      setFailure(String((e as Error)?.message ?? e));
    }
  }

  const header = (
    <header>
      <h1>{t('app.title')}</h1>
      <nav>
        {TABS.filter((x) => x !== 'dev' || isDev).map((x) => (
          <a key={x} href={`#${x}`} className={tab === x ? 'active' : ''} data-testid={`tab-${x}`}>
            {t(`tab.${x}` as MsgKey)}
          </a>
        ))}
      </nav>
      <div className="right">
        {accounts.length > 0 && (
          <select
            data-testid="account-select"
            value={account?.address ?? ''}
            onChange={(e) => {
              setSelected(e.target.value);
              localStorage.setItem('xindai.account', e.target.value);
            }}
          >
            {accounts.map((a) => (
              <option key={a.address} value={a.address}>
                {a.name} · {shortAddress(a.address)} {a.source === 'dev' ? `(${t('app.devKey')})` : `(${a.source})`}
              </option>
            ))}
          </select>
        )}
        {extensions.map((e) => (
          <button key={e} className="secondary" onClick={() => connectExtension(e)} data-testid={`ext-${e}`}>
            {t('app.connectExtension', { name: e })}
          </button>
        ))}
        <button className="secondary" data-testid="lang-switch" onClick={() => setLang(lang === 'en' ? 'zh' : 'en')}>
          {lang === 'en' ? '中文' : 'English'}
        </button>
      </div>
    </header>
  );

  if (!chain || !block) {
    return (
      <Ctx.Provider value={null}>
        {header}
        <main>
          <p data-testid="connecting">{failure ? t('app.failed', { error: failure }) : t('app.connecting', { url: endpoint() })}</p>
        </main>
      </Ctx.Provider>
    );
  }

  return (
    <Ctx.Provider value={{ chain, block, now, accounts, account, assets, lang, t, logTx }}>
      {header}
      <div className="status" data-testid="chain-status">
        {t('app.connected', { url: chain.url, n: block.number })}
        {account && <> · <span data-testid="account-address" className="addr">{account.address}</span> · <span data-testid="native-balance">{native === undefined ? '' : formatAmount(native, NATIVE, 4)}</span></>}
        {accounts.length === 0 && <> · {t('app.noAccounts')}</>}
      </div>
      {/* Keyed by the account: another account's view starts with empty forms. */}
      <main data-testid={`view-${tab}`} key={account?.address ?? ''}>
        {tab === 'credit' && <CreditView />}
        {tab === 'pools' && <PoolsView />}
        {tab === 'p2p' && <P2pView />}
        {tab === 'sme' && <SmeView />}
        {tab === 'verifier' && <VerifierView />}
        {tab === 'governance' && <GovernanceView />}
        {tab === 'dev' && isDev && <DevView />}
      </main>
      {txLog.length > 0 && (
        <aside className="txlog" data-testid="tx-log" aria-live="polite">
          <h4>{t('tx.log')}</h4>
          {txLog.map((e) => (
            <div key={e.id} data-testid={`txlog-${e.id}`} data-at={e.at} data-state={e.state} data-error={e.error} className={e.state === 'failed' ? 'error' : e.state === 'finalized' ? 'ok' : ''}>
              <b>{e.label}</b>: {e.message}
            </div>
          ))}
        </aside>
      )}
    </Ctx.Provider>
  );
}
