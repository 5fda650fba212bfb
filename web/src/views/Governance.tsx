// Governance: the risk parameters in force (set by referenda within compile-time bounds), the
// credit lines waiting for the underwriter (read-only: `approve_credit_line` takes the
// UnderwriterOrigin, root or the Underwriter track, no signed account) and the referenda now
// open; the platform's statistics when the indexer is connected.

import { assetOf, useApp, useChainData } from '../ctx';
import { KNOWN_ASSETS, formatAmount, formatUnits, periodParts, permillToPercent, rateToPercent, shortAddress } from '../units';
import type { MsgKey } from '../i18n';
import { PlatformStats } from './ScoreHistory';

export function GovernanceView() {
  const { chain, t, assets } = useApp();
  const api = chain.api;
  const { data } = useChainData(async (at) => {
    const [p2p, capacity, priceAge, pools, referenda, lines] = await Promise.all([
      api.query.P2pLoans.Params.getValue({ at }),
      api.query.CreditRecords.CapacityParameters.getValue({ at }),
      api.query.LiquidityPools.MaxPriceAge.getValue({ at }),
      api.apis.LiquidityPoolsApi.pools({ at }),
      api.query.Referenda.ReferendumInfoFor.getEntries({ at }),
      // Every line, to find those applied for (few on a dev chain).
      api.query.SmeFinance.Lines.getEntries({ at }),
    ]);
    const applied = lines
      .filter((e) => e.value.status.type === 'Applied')
      .map((e) => ({ id: e.keyArgs[0], line: e.value }))
      .sort((a, b) => Number(a.id - b.id));
    const scores = await Promise.all(applied.map((x) => api.apis.CreditRecordsApi.profile_summary(x.line.enterprise, { at })));
    return { p2p, capacity, priceAge, pools, referenda, applied: applied.map((x, i) => ({ ...x, score: scores[i]?.score })) };
  }, []);
  if (!data) return <p>{t('common.loading')}</p>;
  const grace = periodParts(data.p2p.grace_period);
  const ongoing = data.referenda.filter((r) => r.value.type === 'Ongoing');
  const isDev = chain.chainType === 'Development' || chain.chainType === 'Local';
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
        <h3>{t('gov.lines')}</h3>
        <p className="hint">{t('gov.linesHint')}</p>
        {isDev && <p className="hint">{t('gov.linesDev')}</p>}
        {data.applied.length === 0 ? <p data-testid="gov-lines-empty">{t('gov.noLines')}</p> : (
          <table data-testid="gov-lines">
            <thead><tr><th>{t('gov.lineCol')}</th><th>{t('vsme.enterprise')}</th><th>{t('p2p.termsCol')}</th><th>{t('sme.milestones')}</th><th className="num">{t('gov.service')}</th></tr></thead>
            <tbody>
              {data.applied.map(({ id, line: l, score }) => {
                const a = assetOf(assets, l.terms.asset);
                const term = periodParts(l.terms.term);
                return (
                  <tr key={String(id)} data-testid={`gov-line-${id}`}>
                    <td>{String(id)}</td>
                    <td><span className="addr">{shortAddress(l.enterprise)}</span>{score !== undefined && <><br /><small>{t('gov.lineScore', { score })}</small></>}</td>
                    <td>
                      {t('sme.lineTerms', {
                        limit: formatAmount(l.terms.limit, a),
                        rate: rateToPercent(l.terms.annual_rate),
                        term: t(`unit.${term.unit}` as MsgKey, { n: term.n }),
                        purpose: t(`purpose.${l.terms.purpose.category.type}` as MsgKey),
                      })}
                    </td>
                    <td>{l.milestones.map((m) => `${formatAmount(m.spec.amount, a)} (${t(`verifierKind.${m.spec.verifier.type}` as MsgKey)})`).join(' · ')}</td>
                    <td className="num">{formatAmount(l.monthly_service, a)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
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
