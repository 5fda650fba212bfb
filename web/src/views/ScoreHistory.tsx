// The score's history from the indexer (every CreditRecords.ScoreChanged with its reason) as a
// small SVG step chart and a list, and the platform's all-time statistics. Without a GraphQL URL
// (graphqlEndpoint) both say the indexer is not connected.

import { useEffect, useState } from 'react';

import { assetOf, useApp } from '../ctx';
import type { MsgKey } from '../i18n';
import { PLATFORM_STATS, type PlatformStatsRow, SCORE_HISTORY, type ScoreChangeRow, gql, graphqlEndpoint, historyPoints } from '../indexer';
import { formatAmount, formatDateTime } from '../units';

const BOX = { width: 520, height: 150, pad: 28 };

/** Re-runs `query` whenever the best block or `deps` change; keeps the last answer meanwhile. */
export function useIndexer<T>(query: string, variables: Record<string, unknown>, deps: unknown[]): { url?: string; data?: T; error?: string } {
  const { block } = useApp();
  const url = graphqlEndpoint();
  const key = JSON.stringify(deps);
  const [state, setState] = useState<{ key: string; data?: T; error?: string }>({ key });
  useEffect(() => {
    if (!url) return;
    const ctl = new AbortController();
    gql<T>(url, query, variables, ctl.signal).then(
      (data) => setState({ key, data }),
      (e: unknown) => {
        if (!ctl.signal.aborted) setState((s) => ({ key, data: s.key === key ? s.data : undefined, error: String((e as Error)?.message ?? e) }));
      },
    );
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, block.number, key]);
  return state.key === key ? { url, data: state.data, error: state.error } : { url };
}

export function ScoreHistory({ address, score }: { address: string; score: number }) {
  const { t, now } = useApp();
  const { url, data, error } = useIndexer<{ scoreChanges: ScoreChangeRow[] }>(SCORE_HISTORY, { id: address }, [address]);
  const rows = data?.scoreChanges ?? [];

  let body;
  if (!url) body = <p className="hint" data-testid="history-not-connected">{t('hist.notConnected')}</p>;
  else if (error && !data) body = <p className="warn" data-testid="history-failed">{t('hist.failed', { error })}</p>;
  else if (!data) body = <p>{t('common.loading')}</p>;
  else if (rows.length === 0) body = <p data-testid="history-empty">{t('hist.none')}</p>;
  else {
    const pts = historyPoints(rows, Number(now) || Date.now(), BOX);
    // A step line: a score holds until the next change.
    const path = pts.map((p, i) => (i === 0 ? `M${p.x.toFixed(1)},${p.y.toFixed(1)}` : `H${p.x.toFixed(1)}V${p.y.toFixed(1)}`)).join('');
    const scores = pts.map((p) => p.score);
    const first = Date.parse(rows[0].at);
    body = (
      <>
        <svg width={BOX.width} height={BOX.height} role="img" data-testid="history-chart" data-points={rows.length} aria-label={t('hist.chart', { n: rows.length, score: rows[rows.length - 1].new })}>
          <line x1={BOX.pad} y1={BOX.height - BOX.pad} x2={BOX.width - BOX.pad} y2={BOX.height - BOX.pad} stroke="#9aa6b2" />
          <line x1={BOX.pad} y1={BOX.pad / 2} x2={BOX.pad} y2={BOX.height - BOX.pad} stroke="#9aa6b2" />
          <path d={path} fill="none" stroke="#1d6fb8" strokeWidth="2" />
          {pts.slice(1, -1).map((p, i) => (
            <circle key={i} cx={p.x} cy={p.y} r="3.5" fill={rows[i].delta < 0 ? '#b3261e' : '#1e7b34'}>
              <title>{`${rows[i].old} → ${rows[i].new}: ${t(`reason.${rows[i].reason}` as MsgKey)}`}</title>
            </circle>
          ))}
          {/* The highest and lowest scores, level with their points. */}
          <text x={2} y={Math.min(...pts.map((p) => p.y)) + 3} fontSize="10" fill="#5b6878">{Math.max(...scores)}</text>
          <text x={2} y={Math.max(...pts.map((p) => p.y)) + 3} fontSize="10" fill="#5b6878">{Math.min(...scores)}</text>
          <text x={BOX.pad} y={BOX.height - 8} fontSize="10" fill="#5b6878">{formatDateTime(first)}</text>
          <text x={BOX.width - BOX.pad - 80} y={BOX.height - 8} fontSize="10" fill="#5b6878">{formatDateTime(Number(now) || Date.now())}</text>
        </svg>
        <table data-testid="history-list">
          <thead>
            <tr><th>{t('hist.when')}</th><th>{t('hist.change')}</th><th>{t('hist.reason')}</th><th className="num">{t('hist.block')}</th></tr>
          </thead>
          <tbody>
            {[...rows].reverse().map((r) => (
              <tr key={r.id} data-testid="history-row" data-reason={r.reason}>
                <td>{formatDateTime(Date.parse(r.at))}</td>
                <td className={r.delta < 0 ? 'warn' : ''}>{r.old} → {r.new} ({r.delta > 0 ? `+${r.delta}` : r.delta})</td>
                <td>
                  {t(`reason.${r.reason}` as MsgKey)}
                  {r.daysLate ? ` · ${t('hist.daysLate', { n: r.daysLate })}` : ''}
                </td>
                <td className="num">#{r.block}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  }
  return (
    <section className="card" data-testid="history" data-score={score}>
      <h3>{t('hist.title')}</h3>
      {body}
    </section>
  );
}

export function PlatformStats() {
  const { t, assets } = useApp();
  const { url, data } = useIndexer<{ platformStats: PlatformStatsRow[] }>(PLATFORM_STATS, {}, []);
  if (!url || !data || data.platformStats.length === 0) return null;
  return (
    <section className="card" data-testid="platform-stats">
      <h3>{t('stats.title')}</h3>
      <table>
        <thead>
          <tr><th></th><th className="num">{t('stats.lent')}</th><th className="num">{t('stats.repaid')}</th><th className="num">{t('stats.interest')}</th><th className="num">{t('stats.defaulted')}</th><th></th></tr>
        </thead>
        <tbody>
          {data.platformStats.map((r) => {
            const a = assetOf(assets, r.asset);
            return (
              <tr key={r.asset} data-testid={`platform-stats-${a.symbol}`}>
                <td>{a.symbol}</td>
                <td className="num">{formatAmount(BigInt(r.lent), a, 2)}</td>
                <td className="num">{formatAmount(BigInt(r.repaid), a, 2)}</td>
                <td className="num">{formatAmount(BigInt(r.interestPaid), a, 2)}</td>
                <td className="num">{formatAmount(BigInt(r.defaulted), a, 2)}</td>
                <td>{t('stats.counts', { b: r.borrowings, r: r.repayments, l: r.latePayments, d: r.defaults })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
