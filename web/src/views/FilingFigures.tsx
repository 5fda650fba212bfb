// One filing's figures as table cells (revenue, net profit, receivables, payables, employees,
// ratios), shared by the enterprise's own filings (SME finance) and the auditor's queue
// (Verifier).

import { useApp } from '../ctx';
import { KNOWN_ASSETS, formatAmount, formatFixed, fixedI64ToPercent } from '../units';

const USDX = KNOWN_ASSETS[1];

interface Metrics {
  revenue: bigint;
  net_profit: bigint;
  receivables: bigint;
  payables: bigint;
  employees: number;
}

interface Ratios {
  net_margin?: bigint;
  receivables_to_payables?: bigint;
}

export function FilingFigures({ metrics: m, ratios }: { metrics: Metrics; ratios?: Ratios }) {
  const { t } = useApp();
  const usd = (v: bigint) => formatAmount(v, USDX, 2);
  return (
    <>
      <td className="num">{usd(m.revenue)}</td>
      <td className="num">{usd(m.net_profit)}</td>
      <td className="num">{usd(m.receivables)}</td>
      <td className="num">{usd(m.payables)}</td>
      <td className="num">{m.employees}</td>
      <td>
        {t('sme.ratioText', {
          margin: ratios?.net_margin === undefined ? '—' : `${fixedI64ToPercent(ratios.net_margin)} %`,
          rp: ratios?.receivables_to_payables === undefined ? '—' : formatFixed(ratios.receivables_to_payables),
        })}
      </td>
    </>
  );
}
