// A lender's returns on P2P loans from the indexer (LenderStats per asset, LoanLender per loan):
// principal lent and returned, interest earned, losses written down, the net and its share of what
// was lent. Without a GraphQL URL it says the indexer is not connected.

import { assetOf, useApp } from '../ctx';
import type { MsgKey } from '../i18n';
import { LENDER_RETURNS, type LenderStatsRow, type LoanLenderRow, lenderReturn, loanLenderTotals } from '../indexer';
import { formatAmount, type AssetInfo } from '../units';
import { useIndexer } from './ScoreHistory';

/** A signed amount: "−12.5 USDX" below zero. */
function signed(v: bigint, a: AssetInfo): string {
  return v < 0n ? `−${formatAmount(-v, a, 2)}` : formatAmount(v, a, 2);
}

export function LenderReturns({ address }: { address: string }) {
  const { t, assets } = useApp();
  const { url, data, error } = useIndexer<{ lenderStats: LenderStatsRow[]; loanLenders: LoanLenderRow[] }>(LENDER_RETURNS, { id: address }, [address]);
  let body;
  if (!url) body = <p className="hint" data-testid="returns-not-connected">{t('returns.notConnected')}</p>;
  else if (error && !data) body = <p className="warn" data-testid="returns-failed">{t('returns.failed', { error })}</p>;
  else if (!data) body = <p>{t('common.loading')}</p>;
  else if (data.lenderStats.length === 0) body = <p data-testid="returns-empty">{t('returns.none')}</p>;
  else {
    body = (
      <>
        <table data-testid="returns">
          <thead>
            <tr>
              <th></th><th className="num">{t('returns.loans')}</th><th className="num">{t('returns.lent')}</th><th className="num">{t('returns.returned')}</th>
              <th className="num">{t('returns.interest')}</th><th className="num">{t('returns.losses')}</th><th className="num">{t('returns.net')}</th>
              <th className="num">{t('returns.yield')}</th><th className="num">{t('returns.received')}</th>
            </tr>
          </thead>
          <tbody>
            {data.lenderStats.map((r) => {
              const a = assetOf(assets, r.asset);
              const { net, yieldPct } = lenderReturn(r);
              return (
                <tr key={r.asset} data-testid={`returns-${a.symbol}`} data-net={net.toString()}>
                  <td>{a.symbol}</td>
                  <td className="num">{r.loans}</td>
                  <td className="num">{formatAmount(BigInt(r.principalLent), a, 2)}</td>
                  <td className="num">{formatAmount(BigInt(r.principalReturned), a, 2)}</td>
                  <td className="num" data-testid={`returns-${a.symbol}-interest`}>{formatAmount(BigInt(r.interestEarned), a, 2)}</td>
                  <td className="num">{formatAmount(BigInt(r.losses), a, 2)}</td>
                  <td className={`num${net < 0n ? ' warn' : ''}`} data-testid={`returns-${a.symbol}-net`}>{signed(net, a)}</td>
                  <td className="num" data-testid={`returns-${a.symbol}-yield`}>{yieldPct === null ? '—' : `${yieldPct} %`}</td>
                  <td className="num">{formatAmount(BigInt(r.received), a, 2)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="hint">{t('returns.hint')}</p>
        {data.loanLenders.length > 0 && (
          <table data-testid="returns-loans">
            <thead>
              <tr>
                <th>{t('p2p.loan')}</th><th>{t('p2p.state')}</th><th className="num">{t('returns.lent')}</th><th className="num">{t('returns.returned')}</th>
                <th className="num">{t('returns.interest')}</th><th className="num">{t('returns.losses')}</th><th className="num">{t('returns.received')}</th>
              </tr>
            </thead>
            <tbody>
              {data.loanLenders.map((l) => {
                const a = assetOf(assets, l.loan.asset);
                const { lent, received } = loanLenderTotals(l);
                return (
                  <tr key={l.loan.id} data-testid={`returns-loan-${l.loan.id}`}>
                    <td>{t('p2p.loanN', { id: l.loan.id })}</td>
                    <td>{t(`status.${l.loan.status}` as MsgKey)}</td>
                    <td className="num">{formatAmount(lent, a, 2)}</td>
                    <td className="num">{formatAmount(BigInt(l.principalReturned), a, 2)}</td>
                    <td className="num" data-testid={`returns-loan-${l.loan.id}-interest`}>{formatAmount(BigInt(l.interestEarned), a, 2)}</td>
                    <td className="num">{formatAmount(BigInt(l.loss), a, 2)}</td>
                    <td className="num">{formatAmount(received, a, 2)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </>
    );
  }
  return (
    <section className="card" data-testid="lender-returns">
      <h3>{t('returns.title')}</h3>
      {body}
    </section>
  );
}
