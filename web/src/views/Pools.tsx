// Pools: each pool's size, utilisation, APRs/APYs; deposit, withdraw, collateral on/off, borrow,
// repay; the account's health factor and borrowing room, with a warning before a transaction
// that would bring the health factor below a safe level.

import { useState } from 'react';

import { assetOf, useApp, useChainData } from '../ctx';
import { TxButton } from '../tx';
import { RateCurve } from './RateCurve';
import {
  FIXED_ONE,
  KNOWN_ASSETS,
  LP_OFFSET,
  PERMILL_ONE,
  SAFE_HEALTH,
  formatAmount,
  formatDateTime,
  formatFixed,
  parseUnits,
  permillToPercent,
  priceToCreditPerToken,
  projectedHealth,
  rateToPercent,
  valueOf,
} from '../units';

const USDX = KNOWN_ASSETS[1];

type Action = 'deposit' | 'withdraw' | 'borrow' | 'repay';

export function PoolsView() {
  const { chain, account, t, assets } = useApp();
  const api = chain.api;
  const addr = account?.address;
  const [amounts, setAmounts] = useState<Record<string, string>>({});

  const { data } = useChainData(
    async (at) => {
      const pools = (await api.apis.LiquidityPoolsApi.pools({ at })).sort((a, b) => a.asset - b.asset);
      const prices = await Promise.all(pools.map((p) => api.query.Oracle.Values.getValue(p.asset, { at })));
      if (!addr) return { pools, prices, position: undefined, wallet: [], lp: [], maxBorrow: [] };
      const [position, wallet, lp, maxBorrow] = await Promise.all([
        api.apis.LiquidityPoolsApi.position(addr, { at }),
        Promise.all(pools.map((p) => api.query.Assets.Account.getValue(p.asset, addr, { at }))),
        Promise.all(pools.map((p) => api.query.Assets.Account.getValue(p.lp_asset, addr, { at }))),
        Promise.all(pools.map((p) => api.apis.LiquidityPoolsApi.max_borrow(addr, p.asset, { at }))),
      ]);
      return { pools, prices, position, wallet, lp, maxBorrow };
    },
    [addr],
  );

  if (!data) return <p>{t('common.loading')}</p>;
  const { pools, prices, position } = data;
  const priceOf = (asset: number) => prices[pools.findIndex((p) => p.asset === asset)]?.value;
  const ltOf = (asset: number) => pools.find((p) => p.asset === asset)?.params.liquidation_threshold ?? 0;

  // Σ collateral value × liquidation threshold and Σ debt value (credit units), for projections.
  const weighted = (position?.collateral ?? []).reduce(
    (acc, c) => acc + ((c.value ?? 0n) * BigInt(ltOf(c.asset))) / BigInt(PERMILL_ONE),
    0n,
  );
  const debtValue = (position?.debts ?? []).reduce((acc, d) => acc + (d.value ?? 0n), 0n);

  /** The health factor after `action` of `amount` in the pool of `asset`, if it changes. */
  function projection(action: Action, asset: number, amount: bigint): bigint | null | undefined {
    const price = priceOf(asset);
    if (price === undefined || amount <= 0n) return undefined;
    const value = valueOf(amount, price);
    const isCollateral = position?.collateral.some((c) => c.asset === asset);
    if (action === 'borrow') return projectedHealth(weighted, debtValue + value);
    if (action === 'repay') return projectedHealth(weighted, debtValue > value ? debtValue - value : 0n);
    if (action === 'withdraw' && isCollateral) {
      const w = (value * BigInt(ltOf(asset))) / BigInt(PERMILL_ONE);
      return projectedHealth(weighted > w ? weighted - w : 0n, debtValue);
    }
    if (action === 'deposit' && isCollateral) {
      return projectedHealth(weighted + (value * BigInt(ltOf(asset))) / BigInt(PERMILL_ONE), debtValue);
    }
    return undefined;
  }

  function warningFor(action: Action, asset: number, amount: bigint | null): string | undefined {
    if (amount === null) return undefined;
    const hf = projection(action, asset, amount);
    if (hf === undefined || hf === null) return undefined;
    if (hf < FIXED_ONE) return t('pools.warnLiquidation', { hf: formatFixed(hf) });
    if (hf < SAFE_HEALTH) return t('pools.warnUnsafe', { hf: formatFixed(hf), safe: formatFixed(SAFE_HEALTH) });
    return undefined;
  }

  const hf = position?.health_factor;
  return (
    <div>
      {position && (
        <section className="card" data-testid="position">
          <h3>{t('pools.myPosition')}</h3>
          <dl className="grid">
            <dt>{t('pools.health')}</dt>
            <dd className={`big ${hf !== undefined && hf < SAFE_HEALTH ? 'warn' : ''}`} data-testid="health-factor">
              {hf === undefined ? t('pools.noDebt') : formatFixed(hf)}
            </dd>
            <dt>{t('pools.room')}</dt>
            <dd data-testid="borrow-room">{formatAmount(position.borrowable_value, USDX, 2)}</dd>
            <dt>{t('pools.collateral')}</dt>
            <dd data-testid="collateral-list">
              {position.collateral.length === 0
                ? '—'
                : position.collateral.map((c) => `${formatAmount(c.underlying, assetOf(assets, c.asset))} (${c.value === undefined ? '?' : formatAmount(c.value, USDX, 2)})`).join(', ')}
            </dd>
            <dt>{t('pools.debts')}</dt>
            <dd data-testid="debt-list">
              {position.debts.length === 0
                ? '—'
                : position.debts.map((d) => t('pools.debtLine', { amount: formatAmount(d.amount, assetOf(assets, d.asset)), apr: rateToPercent(d.borrow_apr) })).join(', ')}
            </dd>
            <dt>{t('pools.prices')}</dt>
            <dd data-testid="prices-fresh">{position.prices_fresh ? t('pools.pricesFresh') : t('pools.pricesStale')}</dd>
          </dl>
        </section>
      )}
      {pools.map((p, i) => {
        const asset = assetOf(assets, p.asset);
        const lpAsset = { ...asset, id: p.lp_asset, symbol: `lp${asset.symbol}` };
        const size = p.cash + p.total_borrows;
        const wallet = data.wallet[i]?.balance ?? 0n;
        const lp = data.lp[i]?.balance ?? 0n;
        const lpValue = (lp * p.exchange_rate) / FIXED_ONE;
        const coll = position?.collateral.find((c) => c.asset === p.asset);
        const debt = position?.debts.find((d) => d.asset === p.asset);
        const price = prices[i];
        const key = (a: Action) => `${p.asset}:${a}`;
        const amountOf = (a: Action) => parseUnits(amounts[key(a)] ?? '', asset.decimals);
        const input = (a: Action) => (
          <input
            data-testid={`pool-${asset.symbol}-${a}-amount`}
            inputMode="decimal"
            placeholder={asset.symbol}
            value={amounts[key(a)] ?? ''}
            onChange={(e) => setAmounts({ ...amounts, [key(a)]: e.target.value })}
          />
        );
        const bad = t('common.badAmount', { symbol: asset.symbol, d: asset.decimals });
        const formWarning = (a: Action) => {
          const w = warningFor(a, p.asset, amountOf(a));
          return w ? <p className="warn" data-testid={`pool-${asset.symbol}-${a}-warning`}>{w}</p> : null;
        };
        return (
          <section className="card" key={p.asset} data-testid={`pool-${asset.symbol}`}>
            <h3>
              {t('pools.pool', { symbol: asset.symbol })} {p.paused && <span className="warn">{t('pools.paused')}</span>}
            </h3>
            <dl className="grid">
              <dt>{t('pools.size')}</dt>
              <dd data-testid={`pool-${asset.symbol}-size`}>{formatAmount(size, asset, 2)}</dd>
              <dt>{t('pools.borrowed')}</dt>
              <dd>{formatAmount(p.total_borrows, asset, 2)}</dd>
              <dt>{t('pools.utilisation')}</dt>
              <dd data-testid={`pool-${asset.symbol}-util`}>{permillToPercent(p.utilisation)} %</dd>
              <dt>{t('pools.supplyRate')}</dt>
              <dd>{t('pools.aprApy', { apr: rateToPercent(p.supply_apr), apy: rateToPercent(p.supply_apy) })}</dd>
              <dt>{t('pools.borrowRate')}</dt>
              <dd>{t('pools.aprApy', { apr: rateToPercent(p.borrow_apr), apy: rateToPercent(p.borrow_apy) })}</dd>
              <dt>{t('pools.factors')}</dt>
              <dd>{t('pools.factorsText', { cf: permillToPercent(p.params.collateral_factor), lt: permillToPercent(p.params.liquidation_threshold) })}</dd>
              <dt>{t('pools.price')}</dt>
              <dd>
                {price ? `${formatAmount(priceToCreditPerToken(price.value, asset), USDX, 2)} · ${formatDateTime(price.timestamp)}` : '—'}
              </dd>
              <dt>{t('pools.rateCurve')}</dt>
              <dd>
                <RateCurve model={p.params.rate_model} utilisation={p.utilisation} testid={`pool-${asset.symbol}-curve`} />
              </dd>
              {addr && (
                <>
                  <dt>{t('pools.wallet')}</dt>
                  <dd data-testid={`pool-${asset.symbol}-wallet`}>{formatAmount(wallet, asset)}</dd>
                  <dt>{t('pools.deposited')}</dt>
                  <dd data-testid={`pool-${asset.symbol}-deposited`}>
                    {formatAmount(lpValue, asset)} ({formatAmount(lp, lpAsset)}){coll ? ` + ${t('pools.asCollateral', { amount: formatAmount(coll.underlying, asset) })}` : ''}
                  </dd>
                  <dt>{t('pools.myDebt')}</dt>
                  <dd data-testid={`pool-${asset.symbol}-debt`}>{formatAmount(debt?.amount ?? 0n, asset)}</dd>
                  <dt>{t('pools.maxBorrow')}</dt>
                  <dd data-testid={`pool-${asset.symbol}-max-borrow`}>{formatAmount(data.maxBorrow[i] ?? 0n, asset)}</dd>
                </>
              )}
            </dl>
            {addr && (
              <div className="actions">
                <div className="row">
                  {input('deposit')}
                  <TxButton
                    id={`pool-${asset.symbol}-deposit`}
                    label={t('pools.deposit')}
                    warning={warningFor('deposit', p.asset, amountOf('deposit'))}
                    build={() => {
                      const a = amountOf('deposit');
                      return a ? api.tx.LiquidityPools.deposit({ asset: p.asset, amount: a }) : bad;
                    }}
                  />
                </div>
                {formWarning('deposit')}
                <div className="row">
                  {input('withdraw')}
                  <TxButton
                    id={`pool-${asset.symbol}-withdraw`}
                    label={t('pools.withdraw')}
                    warning={warningFor('withdraw', p.asset, amountOf('withdraw'))}
                    build={() => {
                      const a = amountOf('withdraw');
                      if (!a) return bad;
                      // Underlying → LP tokens at the exchange rate (rounded down), at most the balance.
                      let lpAmount = (a * FIXED_ONE) / p.exchange_rate;
                      if (lpAmount > lp) lpAmount = lp;
                      return api.tx.LiquidityPools.withdraw({ asset: p.asset, lp_amount: lpAmount });
                    }}
                  />
                  <TxButton
                    id={`pool-${asset.symbol}-withdraw-all`}
                    label={t('pools.withdrawAll')}
                    disabled={lp === 0n}
                    build={() => api.tx.LiquidityPools.withdraw({ asset: p.asset, lp_amount: lp })}
                  />
                </div>
                {formWarning('withdraw')}
                <div className="row">
                  {coll ? (
                    <TxButton
                      id={`pool-${asset.symbol}-disable-collateral`}
                      label={t('pools.disableCollateral')}
                      build={() => api.tx.LiquidityPools.disable_collateral({ asset: p.asset })}
                    />
                  ) : (
                    <TxButton
                      id={`pool-${asset.symbol}-enable-collateral`}
                      label={t('pools.enableCollateral')}
                      disabled={lp === 0n}
                      build={() => api.tx.LiquidityPools.enable_collateral({ asset: p.asset })}
                    />
                  )}
                  <span className="hint">{t('pools.collateralHint')}</span>
                </div>
                <div className="row">
                  {input('borrow')}
                  <TxButton
                    id={`pool-${asset.symbol}-borrow`}
                    label={t('pools.borrow')}
                    warning={warningFor('borrow', p.asset, amountOf('borrow'))}
                    build={() => {
                      const a = amountOf('borrow');
                      return a ? api.tx.LiquidityPools.borrow({ asset: p.asset, amount: a }) : bad;
                    }}
                  />
                </div>
                {formWarning('borrow')}
                <div className="row">
                  {input('repay')}
                  <TxButton
                    id={`pool-${asset.symbol}-repay`}
                    label={t('pools.repay')}
                    build={() => {
                      const a = amountOf('repay');
                      return a ? api.tx.LiquidityPools.repay({ asset: p.asset, amount: a }) : bad;
                    }}
                  />
                  <TxButton
                    id={`pool-${asset.symbol}-repay-all`}
                    label={t('pools.repayAll')}
                    disabled={!debt}
                    build={() => api.tx.LiquidityPools.repay_all({ asset: p.asset })}
                  />
                </div>
              </div>
            )}
          </section>
        );
      })}
      <p className="hint">{t('pools.lpNote', { offset: LP_OFFSET })}</p>
    </div>
  );
}
