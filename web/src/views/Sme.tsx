// SME finance for the selected account: as an enterprise, its financial filings and their audit,
// its credit lines with their milestones (attested / released), what was drawn and what is due
// (repay), applying for a line, its invoices (submit, withdraw, offer for financing); as a buyer,
// the invoices that name it (confirm, reject, pay); as a financier, the confirmed invoices offered
// to it (finance) and those it financed; as a financier named at a line's approval, the lines
// waiting for its deposit (fund). Recourse on a financed invoice the buyer left unpaid
// `default_after_days` past its due date: when it becomes claimable and the financier's claim,
// what the enterprise owes and its repayment (src/recourse.ts mirrors the pallet's rules).
// Calls: pallets/sme-finance/src/calls.rs; reads: the SmeFinanceApi runtime API, and the pallet's
// Invoices and Lines storage for the invoices and lines that name the account beyond its own
// (found through the indexer when it answers, else by reading every entry: smeRecords).

import type { PolkadotClient } from 'polkadot-api';
import { useState } from 'react';

import type { XindaiApi } from '../chain';

import { assetOf, useApp, useChainData } from '../ctx';
import type { MsgKey } from '../i18n';
import { SME_IDS, type SmeIdsData, chainBlockHash, gql, graphqlEndpoint, idsViaIndexer, readRecords } from '../indexer';
import { TxButton } from '../tx';
import { FilingFigures } from './FilingFigures';
import { checkRepay, claimState, recourseDaysLate } from '../recourse';
import {
  CREDIT_DECIMALS,
  DAY_MS,
  formatAmount,
  formatDate,
  monthsToSeconds,
  parseSignedUnits,
  parseUnits,
  percentToPermill,
  percentToRate,
  periodParts,
  permillOf,
  permillToPercent,
  rateToPercent,
  shortAddress,
} from '../units';
import { hashFile } from './Credit';
import { PURPOSES, textHash } from './P2p';

export const VERIFIER_KINDS = ['KycProvider', 'Auditor', 'CreditBureau'] as const;

/** A picked file and the blake2b-256 hash the page computed of it. */
function FilePick({ id, label, onHash }: { id: string; label: string; onHash: (h: string) => void }) {
  const { t } = useApp();
  const [picked, setPicked] = useState<{ name: string; hash: string }>();
  return (
    <div>
      <label>
        {label}{' '}
        <input
          type="file"
          data-testid={id}
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            const hash = await hashFile(f);
            setPicked({ name: f.name, hash });
            onHash(hash);
          }}
        />
      </label>
      {picked && (
        <p>
          {t('credit.fileHash', { name: picked.name })} <code data-testid={`${id}-hash`}>{picked.hash}</code>
        </p>
      )}
    </div>
  );
}

/**
 * The open invoices and the lines the account's lists choose from (beyond its own as enterprise,
 * which the runtime API gives), read at `at`: through the indexer when it answers for this chain
 * (SME_IDS: those that name it or may have come to since its block, plus those created since),
 * else every `SmeFinance.Invoices` and `SmeFinance.Lines` entry (the chain indexes them by
 * enterprise only). The lists filter them by what the chain says now.
 */
async function smeRecords(api: XindaiApi, rpc: PolkadotClient, addr: string, at: string) {
  const url = graphqlEndpoint();
  let answer: Promise<SmeIdsData> | undefined;
  const ask = () => (answer ??= gql<SmeIdsData>(url ?? '', SME_IDS, { id: addr }));
  const blockHash = chainBlockHash(rpc);
  const [invoiceIds, lineIds] = url
    ? await Promise.all([
        idsViaIndexer({
          ask,
          ids: (d) => d.invoices.map((x) => x.id),
          count: (d) => d.invoicesConnection.totalCount,
          chainNext: () => api.query.SmeFinance.NextInvoiceId.getValue({ at }),
          blockHash,
          what: 'every invoice',
        }),
        idsViaIndexer({
          ask,
          ids: (d) => d.creditLines.map((x) => x.id),
          count: (d) => d.creditLinesConnection.totalCount,
          chainNext: () => api.query.SmeFinance.NextLineId.getValue({ at }),
          blockHash,
          what: 'every line',
        }),
      ])
    : [undefined, undefined];
  const [invoices, lines] = await Promise.all([
    readRecords(
      invoiceIds?.map(BigInt),
      (id) => api.query.SmeFinance.Invoices.getValue(id, { at }),
      async () => (await api.query.SmeFinance.Invoices.getEntries({ at })).map((e) => ({ key: e.keyArgs[0], value: e.value })),
    ),
    readRecords(
      lineIds?.map(BigInt),
      (id) => api.query.SmeFinance.Lines.getValue(id, { at }),
      async () => (await api.query.SmeFinance.Lines.getEntries({ at })).map((e) => ({ key: e.keyArgs[0], value: e.value })),
    ),
  ]);
  return { invoices: invoices.records, lines: lines.records, viaIndexer: { invoices: invoices.viaIndexer, lines: lines.viaIndexer } };
}

export function SmeView() {
  const { chain, account, t, assets, now } = useApp();
  const api = chain.api;
  const addr = account?.address;

  const thisYear = new Date(Number(now) || Date.now()).getUTCFullYear();
  const [report, setReport] = useState({ year: String(thisYear - 1), quarter: '4', hash: '', revenue: '', netProfit: '', receivables: '', payables: '', employees: '' });
  const [invoiceForm, setInvoiceForm] = useState({ buyer: '', asset: '1', amount: '', days: '60', hash: '' });
  const [lineForm, setLineForm] = useState({ asset: '1', rate: '12', months: '12', purpose: 'BusinessWorkingCapital', description: '', milestones: [{ amount: '', kind: 'KycProvider', text: '' }] as { amount: string; kind: string; text: string }[] });
  const [repay, setRepay] = useState<Record<string, string>>({});
  const [offer, setOffer] = useState<Record<string, { adv: string; fee: string; who: string }>>({});
  const [finance, setFinance] = useState<Record<string, { adv: string; fee: string }>>({});
  const [recourseRepay, setRecourseRepay] = useState<Record<string, string>>({});

  const { data } = useChainData(
    async (at) => {
      if (!addr) return null;
      const [summary, filings, lines, mine, params, { invoices: all, lines: allLines, viaIndexer }] = await Promise.all([
        api.apis.CreditRecordsApi.profile_summary(addr, { at }),
        api.apis.SmeFinanceApi.filings(addr, { at }),
        api.apis.SmeFinanceApi.lines(addr, { at }),
        api.apis.SmeFinanceApi.invoices(addr, { at }),
        api.query.SmeFinance.Params.getValue({ at }),
        smeRecords(api, chain.client, addr, at),
      ]);
      // The minimum balance of each invoice asset: a recourse repayment may not leave less owed.
      const invoiceAssets = [...new Set([...all.map((e) => e.value.asset), ...mine.map((x) => x.invoice.asset)])];
      const minBalances = Object.fromEntries(
        await Promise.all(invoiceAssets.map(async (id) => [id, (await api.query.Assets.Asset.getValue(id, { at }))?.min_balance ?? 0n] as const)),
      ) as Record<number, bigint>;
      // Lines approved with this account as their financier, waiting for its deposit.
      const toFundIds = allLines
        .filter((e) => e.value.status.type === 'AwaitingFunds' && e.value.source?.type === 'Financier' && e.value.source.value === addr)
        .map((e) => e.key)
        .sort((a, b) => Number(a - b));
      const toFund = await Promise.all(
        toFundIds.map(async (id) => {
          const line = await api.apis.SmeFinanceApi.line(id, { at });
          const held = line ? await api.query.Assets.Account.getValue(line.terms.asset, addr, { at }) : undefined;
          return { line, balance: held?.balance ?? 0n };
        }),
      );
      const open = all.map((e) => ({ id: e.key, invoice: e.value })).sort((a, b) => Number(a.id - b.id));
      const asBuyer = open.filter((x) => x.invoice.buyer === addr);
      const offered = open.filter(
        (x) =>
          x.invoice.status.type === 'Confirmed' &&
          x.invoice.offer &&
          x.invoice.enterprise !== addr &&
          x.invoice.buyer !== addr &&
          (!x.invoice.offer.financier || x.invoice.offer.financier === addr),
      );
      const financedByMe = open.filter((x) => x.invoice.financing?.financier === addr);
      filings.sort((a, b) => a.period.year - b.period.year || a.period.quarter - b.period.quarter);
      return {
        summary, filings, lines, mine: [...mine].sort((a, b) => Number(a.id - b.id)), asBuyer, offered, financedByMe, params, minBalances, viaIndexer,
        toFund: toFund.flatMap((x) => (x.line ? [{ line: x.line, balance: x.balance }] : [])),
      };
    },
    [addr],
  );

  if (!account) return <p>{t('common.pickAccount')}</p>;
  if (!data) return <p>{t('common.loading')}</p>;

  const s = data.summary;
  const isEnterprise = s?.kind.type === 'Enterprise';
  const periodLabel = (p: { year: number; quarter: number }) =>
    p.quarter === 0 ? t('sme.periodYear', { year: p.year }) : t('sme.periodQuarter', { year: p.year, q: p.quarter });
  const invStatus = (k: string) => t(`sme.invStatus.${k}` as MsgKey);

  type Inv = (typeof data.asBuyer)[number];
  const financingText = (x: Inv) => {
    const a = assetOf(assets, x.invoice.asset);
    const f = x.invoice.financing;
    if (f) {
      let text = t('sme.financedText', { who: shortAddress(f.financier), advance: formatAmount(f.advance, a), fee: formatAmount(f.fee, a) });
      if (x.invoice.status.type === 'Recourse') text += ` · ${t('sme.recourseText', { owed: formatAmount(f.recourse_owed, a) })}`;
      return text;
    }
    const o = x.invoice.offer;
    if (o) {
      return t('sme.offerText', {
        adv: permillToPercent(o.min_advance_rate),
        fee: permillToPercent(o.max_fee_rate),
        who: o.financier ? t('sme.offerTo', { who: shortAddress(o.financier) }) : '',
      });
    }
    return t('sme.notOffered');
  };

  /** When recourse can be claimed on a financed invoice, or what the enterprise owes under it. */
  const recourseText = (x: Inv, as: 'enterprise' | 'financier' | 'buyer') => {
    const a = assetOf(assets, x.invoice.asset);
    const c = claimState(x.invoice, data.params, now);
    switch (c.k) {
      case 'waiting':
        return t(`rec.waiting.${as}` as MsgKey, { date: formatDate(c.at), days: c.days, n: data.params.default_after_days, advance: formatAmount(x.invoice.financing?.advance ?? 0n, a) });
      case 'claimable':
        return t(`rec.claimable.${as}` as MsgKey, { date: formatDate(c.at), advance: formatAmount(c.owed, a) });
      case 'claimed': {
        const late = recourseDaysLate(c.since, now, data.params.grace_period);
        return (
          t(`rec.owed.${as}` as MsgKey, { owed: formatAmount(c.owed, a), date: formatDate(c.since) }) +
          (late > 0 ? ` ${t('rec.late', { days: late })}` : '')
        );
      }
      default:
        return '';
    }
  };

  const lineAsset = assetOf(assets, Number(lineForm.asset));
  const msAmounts = lineForm.milestones.map((m) => parseUnits(m.amount, lineAsset.decimals));
  const lineLimit = msAmounts.every((v) => v) ? msAmounts.reduce<bigint>((x, y) => x + (y ?? 0n), 0n) : null;
  const invAsset = assetOf(assets, Number(invoiceForm.asset));

  return (
    <div>
      <section className="card">
        <h3>{t('sme.enterprise')}</h3>
        <p data-testid="sme-status">
          {!isEnterprise ? t('sme.notEnterprise') : !s?.verified ? t('sme.notKyb') : t('sme.kybOk', { score: s.score })}
        </p>
      </section>

      {isEnterprise && (
        <section className="card">
          <h3>{t('sme.filings')}</h3>
          {data.filings.length === 0 ? (
            <p data-testid="sme-filings-empty">{t('sme.noFilings')}</p>
          ) : (
            <table data-testid="sme-filings">
              <thead>
                <tr>
                  <th>{t('sme.period')}</th><th className="num">{t('sme.revenue')}</th><th className="num">{t('sme.netProfit')}</th>
                  <th className="num">{t('sme.receivables')}</th><th className="num">{t('sme.payables')}</th><th className="num">{t('sme.employees')}</th>
                  <th>{t('sme.ratios')}</th><th>{t('sme.audit')}</th>
                </tr>
              </thead>
              <tbody>
                {data.filings.map((f) => {
                  const m = f.filing.metrics;
                  const audit = f.filing.audit;
                  return (
                    <tr key={`${f.period.year}-${f.period.quarter}`} data-testid={`sme-filing-${f.period.year}-${f.period.quarter}`} data-audited={audit ? 'yes' : 'no'}>
                      <td>{periodLabel(f.period)}<br /><small>{formatDate(f.filing.filed_at)}</small></td>
                      <FilingFigures metrics={m} ratios={f} />
                      <td data-testid={`sme-filing-${f.period.year}-${f.period.quarter}-audit`}>
                        {audit ? t('sme.audited', { who: shortAddress(audit.auditor), date: formatDate(audit.at) }) : t('sme.awaitingAudit')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <h4>{t('sme.fileReport')}</h4>
          <p className="hint">{t('sme.fileHint')}</p>
          <FilePick id="sme-report-file" label={t('sme.statements')} onHash={(hash) => setReport((r) => ({ ...r, hash }))} />
          <div className="form">
            <label>{t('sme.year')}<input data-testid="sme-report-year" value={report.year} onChange={(e) => setReport({ ...report, year: e.target.value })} /></label>
            <label>{t('sme.quarter')}
              <select data-testid="sme-report-quarter" value={report.quarter} onChange={(e) => setReport({ ...report, quarter: e.target.value })}>
                {[1, 2, 3, 4].map((q) => <option key={q} value={q}>Q{q}</option>)}
                <option value="0">{t('sme.fullYear')}</option>
              </select>
            </label>
            <label>{t('sme.revenue')} (USDX)<input data-testid="sme-report-revenue" value={report.revenue} onChange={(e) => setReport({ ...report, revenue: e.target.value })} /></label>
            <label>{t('sme.netProfit')} (USDX)<input data-testid="sme-report-profit" value={report.netProfit} onChange={(e) => setReport({ ...report, netProfit: e.target.value })} /></label>
            <label>{t('sme.receivables')} (USDX)<input data-testid="sme-report-receivables" value={report.receivables} onChange={(e) => setReport({ ...report, receivables: e.target.value })} /></label>
            <label>{t('sme.payables')} (USDX)<input data-testid="sme-report-payables" value={report.payables} onChange={(e) => setReport({ ...report, payables: e.target.value })} /></label>
            <label>{t('sme.employees')}<input data-testid="sme-report-employees" value={report.employees} onChange={(e) => setReport({ ...report, employees: e.target.value })} /></label>
          </div>
          <TxButton
            id="sme-file-report"
            label={t('sme.fileBtn')}
            disabled={!report.hash}
            build={() => {
              const year = Number(report.year);
              if (!Number.isInteger(year) || year < 2000 || year > 2100) return t('sme.badPeriod');
              const revenue = parseUnits(report.revenue, CREDIT_DECIMALS);
              const netProfit = parseSignedUnits(report.netProfit, CREDIT_DECIMALS);
              const receivables = parseUnits(report.receivables, CREDIT_DECIMALS);
              const payables = parseUnits(report.payables, CREDIT_DECIMALS);
              const employees = Number(report.employees);
              if (revenue === null || netProfit === null || receivables === null || payables === null || !Number.isInteger(employees) || employees < 0 || report.employees.trim() === '') {
                return t('sme.badFigures');
              }
              return api.tx.SmeFinance.file_report({
                period: { year, quarter: Number(report.quarter) },
                commitment: report.hash as never,
                metrics: { revenue, net_profit: netProfit, receivables, payables, employees },
              });
            }}
          />
        </section>
      )}

      {isEnterprise && (
        <section className="card">
          <h3>{t('sme.lines')}</h3>
          {data.lines.length === 0 && <p data-testid="sme-lines-empty">{t('sme.noLines')}</p>}
          {data.lines.map((l) => {
            const id = String(l.id);
            const a = assetOf(assets, l.terms.asset);
            const term = periodParts(l.terms.term);
            const started = ['Active', 'Closing', 'Defaulted'].includes(l.status.type);
            const owes = l.principal + l.accrued_interest > 0n;
            return (
              <div key={id} className="loan" data-testid={`sme-line-${id}`} data-status={l.status.type}>
                <h4>
                  {t('sme.lineN', { id })} · {t(`sme.lineStatus.${l.status.type}` as MsgKey)} ·{' '}
                  {t('sme.lineTerms', {
                    limit: formatAmount(l.terms.limit, a),
                    rate: rateToPercent(l.terms.annual_rate),
                    term: t(`unit.${term.unit}` as MsgKey, { n: term.n }),
                    purpose: t(`purpose.${l.terms.purpose.category.type}` as MsgKey),
                  })}
                </h4>
                <dl className="grid">
                  <dt>{t('sme.source')}</dt>
                  <dd>
                    {!l.source
                      ? t('sme.source.none')
                      : l.source.type === 'Pool'
                        ? t('sme.source.Pool', { symbol: a.symbol })
                        : t('sme.source.Financier', { who: shortAddress(l.source.value as string) })}
                  </dd>
                  <dt>{t('sme.drawn')}</dt>
                  <dd data-testid={`sme-line-${id}-drawn`}>{formatAmount(l.released, a)} · {t('sme.undrawn')} {formatAmount(l.undrawn, a)}</dd>
                  {started && (
                    <>
                      <dt>{t('sme.owed')}</dt>
                      <dd data-testid={`sme-line-${id}-owed`}>{formatAmount(l.principal, a)} · {t('sme.accrued')} {formatAmount(l.accrued_interest, a)}</dd>
                      <dt>{t('sme.dueNow')}</dt>
                      <dd data-testid={`sme-line-${id}-due`}>
                        {formatAmount(l.due, a)}
                        {l.overdue && l.overdue_since !== undefined && <span className="warn"> · {t('sme.overdue', { date: formatDate(l.overdue_since) })}</span>}
                      </dd>
                      <dt>{t('sme.nextDue')}</dt>
                      <dd>{formatDate(l.next_due_at)} · {t('sme.maturity')} {formatDate(l.maturity)}</dd>
                      <dt>{t('sme.paidSoFar')}</dt>
                      <dd>{t('sme.paidText', { interest: formatAmount(l.interest_paid, a), principal: formatAmount(l.principal_repaid, a) })}</dd>
                    </>
                  )}
                </dl>
                <table data-testid={`sme-line-${id}-milestones`}>
                  <thead>
                    <tr><th>{t('sme.milestone')}</th><th className="num">{t('sme.amount')}</th><th>{t('sme.status')}</th></tr>
                  </thead>
                  <tbody>
                    {l.milestones.map((m, i) => (
                      <tr key={i} data-testid={`sme-line-${id}-ms-${i}`} data-state={m.released ? 'released' : 'pending'}>
                        <td>{i + 1}</td>
                        <td className="num">{formatAmount(m.spec.amount, a)}</td>
                        <td>
                          {m.released && m.attested
                            ? t('sme.msReleased', { date: formatDate(m.attested.at), who: shortAddress(m.attested.auditor) })
                            : t('sme.msPending', { kind: t(`verifierKind.${m.spec.verifier.type}` as MsgKey) })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {started && owes && (
                  <div className="row">
                    {l.due > 0n && (
                      <TxButton id={`sme-repay-due-${id}`} label={t('sme.repayDue', { amount: formatAmount(l.due, a) })} build={() => api.tx.SmeFinance.repay_line({ line: l.id, amount: l.due })} />
                    )}
                    <input
                      data-testid={`sme-repay-${id}-amount`}
                      inputMode="decimal"
                      placeholder={t('sme.repayAmount', { symbol: a.symbol })}
                      value={repay[id] ?? ''}
                      onChange={(e) => setRepay({ ...repay, [id]: e.target.value })}
                    />
                    <TxButton
                      id={`sme-repay-${id}`}
                      label={t('sme.repay')}
                      build={() => {
                        const amount = parseUnits(repay[id] ?? '', a.decimals);
                        return amount ? api.tx.SmeFinance.repay_line({ line: l.id, amount }) : t('common.badAmount', { symbol: a.symbol, d: a.decimals });
                      }}
                    />
                  </div>
                )}
                {['Applied', 'AwaitingFunds', 'Active'].includes(l.status.type) && (
                  <div className="row">
                    <TxButton id={`sme-close-${id}`} label={t('sme.closeLine')} build={() => api.tx.SmeFinance.close_line({ line: l.id })} />
                  </div>
                )}
              </div>
            );
          })}

          <h4>{t('sme.apply')}</h4>
          <p className="hint">{t('sme.applyHint')}</p>
          <div className="form">
            <label>{t('p2p.asset')}
              <select data-testid="sme-line-asset" value={lineForm.asset} onChange={(e) => setLineForm({ ...lineForm, asset: e.target.value })}>
                {Object.values(assets).map((x) => <option key={x.id} value={x.id}>{x.symbol}</option>)}
              </select>
            </label>
            <label>{t('p2p.rate')}<input data-testid="sme-line-rate" value={lineForm.rate} onChange={(e) => setLineForm({ ...lineForm, rate: e.target.value })} /></label>
            <label>{t('sme.termMonths')}<input data-testid="sme-line-months" value={lineForm.months} onChange={(e) => setLineForm({ ...lineForm, months: e.target.value })} /></label>
            <label>{t('p2p.purpose')}
              <select data-testid="sme-line-purpose" value={lineForm.purpose} onChange={(e) => setLineForm({ ...lineForm, purpose: e.target.value })}>
                {PURPOSES.map((p) => <option key={p} value={p}>{t(`purpose.${p}` as MsgKey)}</option>)}
              </select>
            </label>
            <label>{t('p2p.description')}<input data-testid="sme-line-description" value={lineForm.description} onChange={(e) => setLineForm({ ...lineForm, description: e.target.value })} /></label>
          </div>
          {lineForm.milestones.map((m, i) => (
            <div className="row" key={i}>
              <label>{t('sme.msAmount', { n: i + 1, symbol: lineAsset.symbol })}{' '}
                <input
                  data-testid={`sme-line-ms-${i}-amount`}
                  value={m.amount}
                  onChange={(e) => setLineForm({ ...lineForm, milestones: lineForm.milestones.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)) })}
                />
              </label>
              <label>{t('sme.msKind')}{' '}
                <select
                  data-testid={`sme-line-ms-${i}-kind`}
                  value={m.kind}
                  onChange={(e) => setLineForm({ ...lineForm, milestones: lineForm.milestones.map((x, j) => (j === i ? { ...x, kind: e.target.value } : x)) })}
                >
                  {VERIFIER_KINDS.map((k) => <option key={k} value={k}>{t(`verifierKind.${k}` as MsgKey)}</option>)}
                </select>
              </label>
              <label>{t('sme.msText')}{' '}
                <input
                  data-testid={`sme-line-ms-${i}-text`}
                  value={m.text}
                  onChange={(e) => setLineForm({ ...lineForm, milestones: lineForm.milestones.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })}
                />
              </label>
              {lineForm.milestones.length > 1 && (
                <button className="secondary" onClick={() => setLineForm({ ...lineForm, milestones: lineForm.milestones.filter((_, j) => j !== i) })}>{t('sme.removeMilestone')}</button>
              )}
            </div>
          ))}
          <div className="row">
            {lineForm.milestones.length < 8 && (
              <button className="secondary" data-testid="sme-line-add-ms" onClick={() => setLineForm({ ...lineForm, milestones: [...lineForm.milestones, { amount: '', kind: 'Auditor', text: '' }] })}>
                {t('sme.addMilestone')}
              </button>
            )}
            {lineLimit !== null && <span data-testid="sme-line-limit">{t('sme.limitIs', { limit: formatAmount(lineLimit, lineAsset) })}</span>}
          </div>
          <TxButton
            id="sme-apply"
            label={t('sme.applyBtn')}
            build={() => {
              if (lineLimit === null || msAmounts.some((v) => !v)) return t('sme.badMilestones');
              const rate = percentToRate(lineForm.rate);
              if (rate === null) return t('p2p.badRate');
              const months = Number(lineForm.months);
              if (!Number.isInteger(months) || months < 1) return t('sme.badTerm');
              return api.tx.SmeFinance.apply_credit_line({
                asset: lineAsset.id,
                limit: lineLimit,
                annual_rate: rate,
                term_secs: monthsToSeconds(months),
                milestones: lineForm.milestones.map((m, i) => ({
                  // The description stays off chain: only the hash of its text is stored.
                  description: textHash(m.text) as never,
                  amount: msAmounts[i] as bigint,
                  verifier: { type: m.kind, value: undefined } as never,
                })),
                purpose: { category: { type: lineForm.purpose, value: undefined } as never, description_hash: textHash(lineForm.description) as never },
              });
            }}
          />
        </section>
      )}

      {isEnterprise && (
        <section className="card">
          <h3>{t('sme.invoices')}</h3>
          {data.mine.length === 0 ? (
            <p data-testid="sme-invoices-empty">{t('sme.noInvoices')}</p>
          ) : (
            <table data-testid="sme-invoices">
              <thead>
                <tr><th>#</th><th>{t('sme.buyer')}</th><th className="num">{t('sme.amount')}</th><th>{t('sme.dueAt')}</th><th>{t('sme.status')}</th><th>{t('sme.offerCol')}</th><th></th></tr>
              </thead>
              <tbody>
                {data.mine.map((x) => {
                  const id = String(x.id);
                  const a = assetOf(assets, x.invoice.asset);
                  const o = offer[id] ?? { adv: '80', fee: '2', who: '' };
                  return (
                    <tr key={id} data-testid={`sme-invoice-${id}`} data-status={x.invoice.status.type} data-offered={x.invoice.offer ? 'yes' : 'no'}>
                      <td>{id}</td>
                      <td className="addr">{shortAddress(x.invoice.buyer)}</td>
                      <td className="num">{formatAmount(x.invoice.amount, a)}</td>
                      <td>{formatDate(x.invoice.due_at)}</td>
                      <td>{invStatus(x.invoice.status.type)}</td>
                      <td>
                        {financingText(x)}
                        {x.invoice.financing && (
                          <p className={`hint ${x.invoice.status.type === 'Recourse' ? 'warn' : ''}`} data-testid={`sme-invoice-${id}-recourse`}>{recourseText(x, 'enterprise')}</p>
                        )}
                      </td>
                      <td>
                        {x.invoice.status.type === 'Recourse' && x.invoice.financing && (() => {
                          const owed = x.invoice.financing.recourse_owed;
                          const typed = recourseRepay[id] ?? '';
                          const amount = parseUnits(typed, a.decimals);
                          const check = amount === null ? null : checkRepay(owed, amount, data.minBalances[x.invoice.asset] ?? 0n);
                          return (
                            <div>
                              <TxButton
                                id={`sme-repay-recourse-all-${id}`}
                                label={t('rec.repayAll', { amount: formatAmount(owed, a) })}
                                build={() => api.tx.SmeFinance.repay_recourse({ invoice: x.id, amount: owed })}
                              />
                              <div className="row">
                                <input
                                  data-testid={`sme-repay-recourse-${id}-amount`}
                                  inputMode="decimal"
                                  size={10}
                                  placeholder={t('sme.repayAmount', { symbol: a.symbol })}
                                  value={typed}
                                  onChange={(e) => setRecourseRepay({ ...recourseRepay, [id]: e.target.value })}
                                />
                                <TxButton
                                  id={`sme-repay-recourse-${id}`}
                                  label={t('rec.repay')}
                                  build={() => {
                                    if (!amount || !check || check.k === 'zero') return t('common.badAmount', { symbol: a.symbol, d: a.decimals });
                                    if (check.k === 'dust') return t('rec.dust', { rest: formatAmount(check.rest, a), min: formatAmount(data.minBalances[x.invoice.asset] ?? 0n, a) });
                                    return api.tx.SmeFinance.repay_recourse({ invoice: x.id, amount: check.paid });
                                  }}
                                />
                              </div>
                              {check && check.k === 'ok' && (
                                <p className="hint" data-testid={`sme-repay-recourse-${id}-preview`}>
                                  {check.rest === 0n ? t('rec.previewAll', { paid: formatAmount(check.paid, a) }) : t('rec.preview', { paid: formatAmount(check.paid, a), rest: formatAmount(check.rest, a) })}
                                </p>
                              )}
                              {check && check.k === 'dust' && (
                                <p className="warn" data-testid={`sme-repay-recourse-${id}-dust`}>{t('rec.dust', { rest: formatAmount(check.rest, a), min: formatAmount(data.minBalances[x.invoice.asset] ?? 0n, a) })}</p>
                              )}
                            </div>
                          );
                        })()}
                        {x.invoice.status.type === 'Submitted' && (
                          <TxButton id={`sme-cancel-${id}`} label={t('sme.cancelInvoice')} build={() => api.tx.SmeFinance.cancel_invoice({ invoice: x.id })} />
                        )}
                        {x.invoice.status.type === 'Confirmed' && (
                          <div>
                            <div className="row">
                              <label>{t('sme.minAdvance')} <input size={4} data-testid={`sme-offer-${id}-min-advance`} value={o.adv} onChange={(e) => setOffer({ ...offer, [id]: { ...o, adv: e.target.value } })} /></label>
                              <label>{t('sme.maxFee')} <input size={4} data-testid={`sme-offer-${id}-max-fee`} value={o.fee} onChange={(e) => setOffer({ ...offer, [id]: { ...o, fee: e.target.value } })} /></label>
                            </div>
                            <div className="row">
                              <input data-testid={`sme-offer-${id}-only`} placeholder={t('sme.onlyFinancier')} value={o.who} onChange={(e) => setOffer({ ...offer, [id]: { ...o, who: e.target.value } })} />
                              <TxButton
                                id={`sme-offer-${id}`}
                                label={t('sme.offer')}
                                build={() => {
                                  const adv = percentToPermill(o.adv);
                                  const fee = percentToPermill(o.fee);
                                  if (!adv || fee === null) return t('sme.badRates');
                                  return api.tx.SmeFinance.offer_invoice({ invoice: x.id, min_advance_rate: adv, max_fee_rate: fee, financier: o.who.trim() || undefined });
                                }}
                              />
                            </div>
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <h4>{t('sme.submit')}</h4>
          <p className="hint">{t('sme.submitHint')}</p>
          <FilePick id="sme-invoice-file" label={t('sme.invoiceFile')} onHash={(hash) => setInvoiceForm((f) => ({ ...f, hash }))} />
          <div className="form">
            <label>{t('sme.buyer')}<input data-testid="sme-invoice-buyer" placeholder="5…" value={invoiceForm.buyer} onChange={(e) => setInvoiceForm({ ...invoiceForm, buyer: e.target.value })} /></label>
            <label>{t('p2p.asset')}
              <select data-testid="sme-invoice-asset" value={invoiceForm.asset} onChange={(e) => setInvoiceForm({ ...invoiceForm, asset: e.target.value })}>
                {Object.values(assets).map((x) => <option key={x.id} value={x.id}>{x.symbol}</option>)}
              </select>
            </label>
            <label>{t('p2p.amount', { symbol: invAsset.symbol })}<input data-testid="sme-invoice-amount" value={invoiceForm.amount} onChange={(e) => setInvoiceForm({ ...invoiceForm, amount: e.target.value })} /></label>
            <label>{t('sme.dueDays')}<input data-testid="sme-invoice-days" value={invoiceForm.days} onChange={(e) => setInvoiceForm({ ...invoiceForm, days: e.target.value })} /></label>
          </div>
          <TxButton
            id="sme-submit-invoice"
            label={t('sme.submitBtn')}
            disabled={!invoiceForm.hash}
            build={() => {
              const buyer = invoiceForm.buyer.trim();
              if (!buyer) return t('sme.badBuyer');
              const amount = parseUnits(invoiceForm.amount, invAsset.decimals);
              if (!amount) return t('common.badAmount', { symbol: invAsset.symbol, d: invAsset.decimals });
              const days = Number(invoiceForm.days);
              if (!(days > 0) || days > 180) return t('sme.badDays');
              return api.tx.SmeFinance.submit_invoice({
                buyer,
                amount,
                asset: invAsset.id,
                due_at: now + BigInt(Math.round(days * DAY_MS)),
                invoice_hash: invoiceForm.hash as never,
              });
            }}
          />
        </section>
      )}

      <section className="card" data-testid="sme-buyer" data-source={data.viaIndexer.invoices ? 'indexer' : 'chain'}>
        <h3>{t('sme.asBuyer')}</h3>
        {data.asBuyer.length === 0 ? (
          <p data-testid="sme-buyer-empty">{t('sme.noBuyerInvoices')}</p>
        ) : (
          <table data-testid="sme-buyer-invoices">
            <thead>
              <tr><th>#</th><th>{t('sme.seller')}</th><th className="num">{t('sme.amount')}</th><th>{t('sme.dueAt')}</th><th>{t('sme.status')}</th><th></th></tr>
            </thead>
            <tbody>
              {data.asBuyer.map((x) => {
                const id = String(x.id);
                const a = assetOf(assets, x.invoice.asset);
                const st = x.invoice.status.type;
                return (
                  <tr key={id} data-testid={`sme-buyer-invoice-${id}`} data-status={st}>
                    <td>{id}</td>
                    <td className="addr">{shortAddress(x.invoice.enterprise)}</td>
                    <td className="num">{formatAmount(x.invoice.amount, a)}</td>
                    <td>{formatDate(x.invoice.due_at)}</td>
                    <td>
                      {invStatus(st)}{x.invoice.financing ? ` · ${financingText(x)}` : ''}
                      {x.invoice.financing && <p className="hint" data-testid={`sme-buyer-invoice-${id}-recourse`}>{recourseText(x, 'buyer')}</p>}
                    </td>
                    <td>
                      {st === 'Submitted' && (
                        <span className="row">
                          <TxButton id={`sme-confirm-${id}`} label={t('sme.confirm')} build={() => api.tx.SmeFinance.confirm_invoice({ invoice: x.id })} />
                          <TxButton id={`sme-reject-${id}`} label={t('sme.reject')} build={() => api.tx.SmeFinance.reject_invoice({ invoice: x.id })} />
                        </span>
                      )}
                      {(st === 'Confirmed' || st === 'Financed' || st === 'Recourse') && (
                        <TxButton id={`sme-pay-${id}`} label={t('sme.pay', { amount: formatAmount(x.invoice.amount, a) })} build={() => api.tx.SmeFinance.pay_invoice({ invoice: x.id })} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" data-testid="sme-financier" data-source={data.viaIndexer.invoices ? 'indexer' : 'chain'}>
        <h3>{t('sme.financeTitle')}</h3>
        {data.offered.length === 0 ? (
          <p data-testid="sme-offers-empty">{t('sme.noOffers')}</p>
        ) : (
          <table data-testid="sme-offers">
            <thead>
              <tr><th>#</th><th>{t('sme.seller')}</th><th>{t('sme.buyer')}</th><th className="num">{t('sme.amount')}</th><th>{t('sme.dueAt')}</th><th>{t('sme.offerCol')}</th><th></th></tr>
            </thead>
            <tbody>
              {data.offered.map((x) => {
                const id = String(x.id);
                const a = assetOf(assets, x.invoice.asset);
                const o = x.invoice.offer!;
                const f = finance[id] ?? { adv: permillToPercent(o.min_advance_rate), fee: permillToPercent(o.max_fee_rate) };
                const adv = percentToPermill(f.adv);
                const fee = percentToPermill(f.fee);
                const advance = adv === null ? null : permillOf(x.invoice.amount, adv);
                const back = advance === null || fee === null ? null : advance + permillOf(x.invoice.amount, fee);
                return (
                  <tr key={id} data-testid={`sme-offer-row-${id}`}>
                    <td>{id}</td>
                    <td className="addr">{shortAddress(x.invoice.enterprise)}</td>
                    <td className="addr">{shortAddress(x.invoice.buyer)}</td>
                    <td className="num">{formatAmount(x.invoice.amount, a)}</td>
                    <td>{formatDate(x.invoice.due_at)}</td>
                    <td>{financingText(x)}</td>
                    <td>
                      <div className="row">
                        <label>{t('sme.advancePct')} <input size={4} data-testid={`sme-finance-${id}-advance-rate`} value={f.adv} onChange={(e) => setFinance({ ...finance, [id]: { ...f, adv: e.target.value } })} /></label>
                        <label>{t('sme.feePct')} <input size={4} data-testid={`sme-finance-${id}-fee-rate`} value={f.fee} onChange={(e) => setFinance({ ...finance, [id]: { ...f, fee: e.target.value } })} /></label>
                      </div>
                      {advance !== null && back !== null && (
                        <p className="hint" data-testid={`sme-finance-${id}-preview`}>
                          {t('sme.financePreview', { advance: formatAmount(advance, a), back: formatAmount(back, a), date: formatDate(x.invoice.due_at) })}
                        </p>
                      )}
                      <TxButton
                        id={`sme-finance-${id}`}
                        label={t('sme.finance')}
                        build={() => (adv && fee !== null ? api.tx.SmeFinance.finance_invoice({ invoice: x.id, advance_rate: adv, fee_rate: fee }) : t('sme.badRates'))}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {data.financedByMe.length > 0 && (
          <>
            <h4>{t('sme.financed')}</h4>
            <table data-testid="sme-financed">
              <tbody>
                {data.financedByMe.map((x) => {
                  const c = claimState(x.invoice, data.params, now);
                  const a = assetOf(assets, x.invoice.asset);
                  return (
                    <tr key={String(x.id)} data-testid={`sme-financed-${x.id}`} data-recourse={c.k}>
                      <td>{t('sme.invoiceN', { id: String(x.id) })}</td>
                      <td className="num">{formatAmount(x.invoice.amount, a)}</td>
                      <td>{formatDate(x.invoice.due_at)}</td>
                      <td>
                        {invStatus(x.invoice.status.type)} · {financingText(x)}
                        <p className={`hint ${c.k === 'claimable' ? 'warn' : ''}`} data-testid={`sme-financed-${x.id}-recourse`}>{recourseText(x, 'financier')}</p>
                      </td>
                      <td>
                        {c.k === 'claimable' && (
                          <TxButton
                            id={`sme-claim-recourse-${x.id}`}
                            label={t('rec.claim')}
                            warning={t('rec.claimWarning', { advance: formatAmount(c.owed, a), who: shortAddress(x.invoice.enterprise), buyer: shortAddress(x.invoice.buyer) })}
                            build={() => api.tx.SmeFinance.claim_recourse({ invoice: x.id })}
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section className="card" data-testid="sme-to-fund" data-source={data.viaIndexer.lines ? 'indexer' : 'chain'}>
        <h3>{t('sme.toFund')}</h3>
        {data.toFund.length === 0 ? (
          <p data-testid="sme-to-fund-empty">{t('sme.noToFund')}</p>
        ) : (
          data.toFund.map(({ line: l, balance }) => {
            const id = String(l.id);
            const a = assetOf(assets, l.terms.asset);
            const term = periodParts(l.terms.term);
            const short = balance < l.terms.limit;
            return (
              <div key={id} className="loan" data-testid={`sme-to-fund-${id}`}>
                <h4>
                  {t('sme.lineN', { id })} · {shortAddress(l.enterprise)} ·{' '}
                  {t('sme.lineTerms', {
                    limit: formatAmount(l.terms.limit, a),
                    rate: rateToPercent(l.terms.annual_rate),
                    term: t(`unit.${term.unit}` as MsgKey, { n: term.n }),
                    purpose: t(`purpose.${l.terms.purpose.category.type}` as MsgKey),
                  })}
                </h4>
                <p className="hint">
                  {t('sme.fundMilestones', {
                    list: l.milestones.map((m) => `${formatAmount(m.spec.amount, a)} (${t(`verifierKind.${m.spec.verifier.type}` as MsgKey)})`).join(' · '),
                  })}
                </p>
                <p data-testid={`sme-fund-${id}-preview`}>
                  {t('sme.fundPreview', {
                    limit: formatAmount(l.terms.limit, a),
                    who: shortAddress(l.enterprise),
                    rate: rateToPercent(l.terms.annual_rate),
                    term: t(`unit.${term.unit}` as MsgKey, { n: term.n }),
                  })}
                </p>
                <p>
                  {t('sme.fundBalance', { amount: formatAmount(balance, a) })}
                  {short && <span className="warn" data-testid={`sme-fund-${id}-short`}> · {t('sme.fundShort')}</span>}
                </p>
                <TxButton
                  id={`sme-fund-${id}`}
                  label={t('sme.fund', { amount: formatAmount(l.terms.limit, a) })}
                  warning={short ? t('sme.fundShort') : undefined}
                  build={() => api.tx.SmeFinance.fund_credit_line({ line: l.id })}
                />
              </div>
            );
          })
        )}
      </section>
    </div>
  );
}
