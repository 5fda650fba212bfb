// Governance: the risk parameters in force (set by referenda within compile-time bounds) and the
// referenda now open; the platform's statistics when the indexer is connected.

import { assetOf, useApp, useChainData } from '../ctx';
import { KNOWN_ASSETS, formatAmount, formatUnits, periodParts, permillToPercent, rateToPercent } from '../units';
import type { MsgKey } from '../i18n';
import { PlatformStats } from './ScoreHistory';

export function GovernanceView() {
  const { chain, t, assets } = useApp();
  const api = chain.api;
  const { data } = useChainData(async (at) => {
    const [p2p, capacity, priceAge, pools, referenda] = await Promise.all([
      api.query.P2pLoans.Params.getValue({ at }),
      api.query.CreditRecords.CapacityParameters.getValue({ at }),
      api.query.LiquidityPools.MaxPriceAge.getValue({ at }),
      api.apis.LiquidityPoolsApi.pools({ at }),
      api.query.Referenda.ReferendumInfoFor.getEntries({ at }),
    ]);
    return { p2p, capacity, priceAge, pools, referenda };
  }, []);
  if (!data) return <p>{t('common.loading')}</p>;
  const grace = periodParts(data.p2p.grace_period);
  const ongoing = data.referenda.filter((r) => r.value.type === 'Ongoing');
  return (
    <div>
      <section className="card">
        <h3>{t('gov.p2p')}</h3>
        <dl className="grid" data-testid="gov-p2p">
          <dt>{t('gov.grace')}</dt><dd>{t(`unit.${grace.unit}` as MsgKey, { n: grace.n })}</dd>
          <dt>{t('gov.penalty')}</dt><dd>{rateToPercent(data.p2p.penalty_rate)} %</dd>
          <dt>{t('gov.defaultAfter')}</dt><dd>{t('unit.days', { n: data.p2p.default_after_days })}</dd>
          <dt>{t('gov.maxLtv')}</dt><dd>{permillToPercent(data.p2p.max_initial_ltv)} %</dd>
          <dt>{t('gov.liqLtv')}</dt><dd>{permillToPercent(data.p2p.liquidation_ltv)} %</dd>
        </dl>
      </section>
      <section className="card">
        <h3>{t('gov.capacity')}</h3>
        <dl className="grid">
          <dt>{t('gov.incomeRatio')}</dt><dd>{permillToPercent(data.capacity.income_ratio)} %</dd>
          <dt>{t('gov.revenueRatio')}</dt><dd>{permillToPercent(data.capacity.revenue_ratio)} %</dd>
          <dt>{t('gov.unattested')}</dt><dd>{formatAmount(data.capacity.unattested_limit, KNOWN_ASSETS[1], 2)}</dd>
        </dl>
      </section>
      <section className="card">
        <h3>{t('gov.pools')}</h3>
        <p>{t('gov.priceAge', { min: formatUnits(data.priceAge / 60_000n, 0) })}</p>
        <table>
          <thead><tr><th></th><th>{t('gov.cf')}</th><th>{t('gov.lt')}</th><th>{t('gov.incentive')}</th><th>{t('gov.reserve')}</th><th>{t('gov.supplyCap')}</th><th>{t('gov.borrowCap')}</th></tr></thead>
          <tbody>
            {data.pools.map((p) => {
              const a = assetOf(assets, p.asset);
              return (
                <tr key={p.asset}>
                  <td>{a.symbol}</td>
                  <td className="num">{permillToPercent(p.params.collateral_factor)} %</td>
                  <td className="num">{permillToPercent(p.params.liquidation_threshold)} %</td>
                  <td className="num">{permillToPercent(p.params.liquidation_incentive)} %</td>
                  <td className="num">{permillToPercent(p.params.reserve_factor)} %</td>
                  <td className="num">{formatAmount(p.params.supply_cap, a, 0)}</td>
                  <td className="num">{formatAmount(p.params.borrow_cap, a, 0)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h3>{t('gov.referenda')}</h3>
        {ongoing.length === 0 ? <p data-testid="gov-no-referenda">{t('gov.noReferenda')}</p> : (
          <ul>
            {ongoing.map((r) => <li key={String(r.keyArgs[0])}>{t('gov.referendum', { id: String(r.keyArgs[0]) })}</li>)}
          </ul>
        )}
      </section>
      <PlatformStats />
    </div>
  );
}
