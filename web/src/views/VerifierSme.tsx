// The verifier's part of SME finance (in the Verifier view): an auditor attests the financial
// filings awaiting audit (`SmeFinance.attest_report`, naming the commitment and figures shown),
// and any verifier attests the milestones of active credit lines that its kind attests
// (`SmeFinance.attest_milestone(line, index)`), seeing what the tranche releases and why the
// chain would refuse it now. The pallet decides who may: `is_verifier_of(who, kind)`, the
// Auditor kind for filings, the milestone's declared kind for milestones.
//
// Reads: with the indexer, the filings it has unaudited and the lines that are or may since have
// become active, plus those filed or applied for since its block, each read from the chain
// (src/indexer.ts); without it, every `SmeFinance.Filings` and `SmeFinance.Lines` entry. The
// runtime API for ratios and accrued line state.

import type { PolkadotClient } from 'polkadot-api';

import type { XindaiApi } from '../chain';
import { assetOf, useApp, useChainData } from '../ctx';
import type { MsgKey } from '../i18n';
import {
  type FilingKey,
  VERIFIER_SME_KEYS,
  type VerifierSmeKeysData,
  blocksSince,
  chainBlockHash,
  filingKeyOf,
  gql,
  graphqlEndpoint,
  idsViaIndexer,
  keysViaIndexer,
  readRecords,
} from '../indexer';
import { type MilestoneBlocker, milestoneBlocker } from '../lines';
import { TxButton } from '../tx';
import { FilingFigures } from './FilingFigures';
import { formatAmount, formatDate, rateToPercent, shortAddress } from '../units';

/**
 * The filings (auditors only) and lines to consider, read at `at`: through the indexer when it
 * answers for this chain — its unaudited filings plus those filed in the blocks since (found in
 * their `ReportFiled` events), its lines that are or may have become active plus those applied
 * for since — else every entry.
 */
async function verifierRecords(api: XindaiApi, rpc: PolkadotClient, withFilings: boolean, at: string) {
  const url = graphqlEndpoint();
  let answer: Promise<VerifierSmeKeysData> | undefined;
  const ask = () => (answer ??= gql<VerifierSmeKeysData>(url ?? '', VERIFIER_SME_KEYS));
  const blockHash = chainBlockHash(rpc);
  const [filingKeys, lineIds] = url
    ? await Promise.all([
        withFilings
          ? keysViaIndexer<VerifierSmeKeysData, FilingKey>({
              ask,
              keys: (d) => d.filings.map((f) => ({ enterprise: f.enterprise.id, period: { year: f.year, quarter: f.quarter } })),
              newer: async (_d, status) => {
                const header = await rpc._request<{ number: string }>('chain_getHeader', [at]);
                const heights = blocksSince(status.height, Number(header.number));
                if (!heights) return undefined;
                const events = await Promise.all(
                  heights.map(async (h) => {
                    const hash = await blockHash(h);
                    if (!hash) throw new Error(`no block at ${h}`);
                    return api.query.System.Events.getValue({ at: hash });
                  }),
                );
                return events.flat().flatMap((r) =>
                  r.event.type === 'SmeFinance' && r.event.value.type === 'ReportFiled'
                    ? [{ enterprise: r.event.value.value.enterprise, period: r.event.value.value.period }]
                    : [],
                );
              },
              blockHash,
              keyOf: filingKeyOf,
              what: 'every filing',
            })
          : [],
        idsViaIndexer({
          ask,
          ids: (d) => d.creditLines.map((l) => l.id),
          count: (d) => d.creditLinesConnection.totalCount,
          chainNext: () => api.query.SmeFinance.NextLineId.getValue({ at }),
          blockHash,
          what: 'every line',
        }),
      ])
    : [undefined, undefined];
  const [filings, lines] = await Promise.all([
    withFilings
      ? readRecords(
          filingKeys,
          (k) => api.query.SmeFinance.Filings.getValue(k.enterprise, k.period, { at }),
          async () => (await api.query.SmeFinance.Filings.getEntries({ at })).map((e) => ({ key: { enterprise: e.keyArgs[0], period: e.keyArgs[1] }, value: e.value })),
        )
      : { records: [], viaIndexer: filingKeys !== undefined },
    readRecords(
      lineIds?.map(BigInt),
      (id) => api.query.SmeFinance.Lines.getValue(id, { at }),
      async () => (await api.query.SmeFinance.Lines.getEntries({ at })).map((e) => ({ key: e.keyArgs[0], value: e.value })),
    ),
  ]);
  return { filingRecords: filings.records, lineRecords: lines.records, viaIndexer: { filings: filings.viaIndexer, lines: lines.viaIndexer } };
}

export function VerifierSme({ kind }: { kind: string }) {
  const { chain, account, t, assets, now } = useApp();
  const api = chain.api;
  const addr = account?.address;

  const { data } = useChainData(
    async (at) => {
      if (!addr) return null;
      const { filingRecords, lineRecords, viaIndexer } = await verifierRecords(api, chain.client, kind === 'Auditor', at);
      const pending = filingRecords
        .filter((r) => !r.value.audit && r.key.enterprise !== addr)
        .map((r) => ({ enterprise: r.key.enterprise, period: r.key.period, filing: r.value }))
        .sort((a, b) => Number(a.filing.filed_at - b.filing.filed_at));
      // The ratios as the chain computes them, per enterprise with a pending filing.
      const enterprises = [...new Set(pending.map((p) => p.enterprise))];
      const views = await Promise.all(enterprises.map((e) => api.apis.SmeFinanceApi.filings(e, { at })));
      const ratios = new Map(enterprises.map((e, i) => [e, views[i]]));
      const filings = pending.map((p) => ({
        ...p,
        view: ratios.get(p.enterprise)?.find((v) => v.period.year === p.period.year && v.period.quarter === p.period.quarter),
      }));
      // Active lines with a pending milestone of this verifier's kind, accrued to now.
      const ids = lineRecords
        .filter((r) => r.value.status.type === 'Active' && r.value.milestones.some((m) => !m.attested && m.spec.verifier.type === kind))
        .map((r) => r.key)
        .sort((a, b) => Number(a - b));
      const lines = (await Promise.all(ids.map((id) => api.apis.SmeFinanceApi.line(id, { at })))).filter((l) => l !== undefined);
      return { filings, lines, viaIndexer };
    },
    [addr, kind],
  );

  if (!addr || !data) return null;
  const periodLabel = (p: { year: number; quarter: number }) =>
    p.quarter === 0 ? t('sme.periodYear', { year: p.year }) : t('sme.periodQuarter', { year: p.year, q: p.quarter });
  const kindName = t(`verifierKind.${kind}` as MsgKey);
  const blockerText = (b: MilestoneBlocker) => {
    switch (b.k) {
      case 'order': return t('vsme.order', { n: b.first + 1 });
      case 'kind': return t('vsme.kind', { kind: t(`verifierKind.${b.kind}` as MsgKey) });
      default: return t(`vsme.${b.k}` as MsgKey);
    }
  };

  const milestones = data.lines.flatMap((l) =>
    l.milestones.map((m, i) => ({ l, m, i })).filter(({ m }) => !m.released && m.spec.verifier.type === kind),
  );

  return (
    <>
      <section className="card" data-testid="verifier-sme-filings" data-source={data.viaIndexer.filings ? 'indexer' : 'chain'}>
        <h3>{t('vsme.filings')}</h3>
        {kind !== 'Auditor' ? (
          <p data-testid="verifier-filings-auditors">{t('vsme.auditorsOnly', { kind: kindName })}</p>
        ) : (
          <>
            <p className="hint">{t('vsme.filingsHint')}</p>
            {data.filings.length === 0 ? (
              <p data-testid="verifier-filings-empty">{t('vsme.noFilings')}</p>
            ) : (
              <table data-testid="verifier-filings">
                <thead>
                  <tr>
                    <th>{t('vsme.enterprise')}</th><th>{t('sme.period')}</th><th className="num">{t('sme.revenue')}</th><th className="num">{t('sme.netProfit')}</th>
                    <th className="num">{t('sme.receivables')}</th><th className="num">{t('sme.payables')}</th><th className="num">{t('sme.employees')}</th>
                    <th>{t('sme.ratios')}</th><th>{t('vsme.statementsHash')}</th><th></th>
                  </tr>
                </thead>
                <tbody>
                  {data.filings.map(({ enterprise, period, filing, view }) => {
                    const m = filing.metrics;
                    const id = `${enterprise}-${period.year}-${period.quarter}`;
                    return (
                      <tr key={id} data-testid={`verifier-filing-${id}`}>
                        <td className="addr">{shortAddress(enterprise)}</td>
                        <td>{periodLabel(period)}<br /><small>{t('vsme.filedAt', { date: formatDate(filing.filed_at) })}</small></td>
                        <FilingFigures metrics={m} ratios={view} />
                        <td><code data-testid={`verifier-filing-${id}-hash`}>{filing.commitment}</code></td>
                        <td>
                          <TxButton
                            id={`verifier-attest-filing-${id}`}
                            label={t('vsme.attestFiling')}
                            build={() => api.tx.SmeFinance.attest_report({ enterprise, period, commitment: filing.commitment, metrics: filing.metrics })}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>

      <section className="card" data-testid="verifier-sme-milestones" data-source={data.viaIndexer.lines ? 'indexer' : 'chain'}>
        <h3>{t('vsme.milestones', { kind: kindName })}</h3>
        <p className="hint">{t('vsme.milestonesHint')}</p>
        {milestones.length === 0 ? (
          <p data-testid="verifier-ms-empty">{t('vsme.noMilestones', { kind: kindName })}</p>
        ) : (
          <table data-testid="verifier-milestones">
            <thead>
              <tr><th>{t('vsme.milestone')}</th><th>{t('vsme.enterprise')}</th><th className="num">{t('sme.amount')}</th><th>{t('vsme.effect')}</th><th></th></tr>
            </thead>
            <tbody>
              {milestones.map(({ l, m, i }) => {
                const a = assetOf(assets, l.terms.asset);
                const id = `${l.id}-${i}`;
                const blocker = milestoneBlocker(l, i, addr, kind, now);
                const source = !l.source
                  ? t('sme.source.none')
                  : l.source.type === 'Pool'
                    ? t('vsme.fromPool', { symbol: a.symbol })
                    : t('vsme.fromFinancier', { who: shortAddress(l.source.value as string) });
                return (
                  <tr key={id} data-testid={`verifier-ms-${id}`} data-ready={blocker ? 'no' : 'yes'}>
                    <td>
                      {t('vsme.lineMs', { id: String(l.id), n: i + 1, of: l.milestones.length })}
                      <br /><small>{t('vsme.description')} <code>{m.spec.description.slice(0, 18)}…</code></small>
                    </td>
                    <td className="addr">{shortAddress(l.enterprise)}</td>
                    <td className="num">{formatAmount(m.spec.amount, a)}</td>
                    <td data-testid={`verifier-ms-${id}-releases`}>
                      {t('vsme.releases', {
                        amount: formatAmount(m.spec.amount, a),
                        who: shortAddress(l.enterprise),
                        source,
                        rate: rateToPercent(l.terms.annual_rate),
                      })}
                      <br />
                      <small>{t('vsme.drawn', { drawn: formatAmount(l.released, a), after: formatAmount(l.released + m.spec.amount, a), limit: formatAmount(l.terms.limit, a) })}</small>
                      {blocker && <><br /><span className="warn" data-testid={`verifier-ms-${id}-blocked`}>{blockerText(blocker)}</span></>}
                    </td>
                    <td>
                      <TxButton
                        id={`verifier-attest-ms-${id}`}
                        label={t('vsme.attestMs', { amount: formatAmount(m.spec.amount, a) })}
                        disabled={blocker !== null}
                        build={() => api.tx.SmeFinance.attest_milestone({ line: l.id, index: i })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
