// The pool's borrow-rate curve over utilisation (its jump-rate model), the current point marked.

import { useApp } from '../ctx';
import { type JumpRateModel, PERMILL_ONE, borrowRateAt, permillToPercent, rateToPercent } from '../units';

const W = 260;
const H = 110;
const PAD = 24;

export function RateCurve({ model, utilisation, testid }: { model: JumpRateModel; utilisation: number; testid: string }) {
  const { t } = useApp();
  const steps = 50;
  const max = Number(borrowRateAt(model, PERMILL_ONE)) || 1;
  const x = (u: number) => PAD + ((W - 2 * PAD) * u) / PERMILL_ONE;
  const y = (r: bigint) => H - PAD - ((H - 2 * PAD) * Number(r)) / max;
  const points = Array.from({ length: steps + 1 }, (_, i) => {
    const u = (PERMILL_ONE * i) / steps;
    return `${x(u).toFixed(1)},${y(borrowRateAt(model, Math.round(u))).toFixed(1)}`;
  }).join(' ');
  const now = borrowRateAt(model, utilisation);
  return (
    <svg width={W} height={H} role="img" data-testid={testid} aria-label={t('pools.curve', { u: permillToPercent(utilisation), r: rateToPercent(now) })}>
      <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="#9aa6b2" />
      <line x1={PAD} y1={PAD / 2} x2={PAD} y2={H - PAD} stroke="#9aa6b2" />
      <line x1={x(model.kink)} y1={PAD / 2} x2={x(model.kink)} y2={H - PAD} stroke="#d7dde3" strokeDasharray="3 3" />
      <polyline points={points} fill="none" stroke="#1d6fb8" strokeWidth="2" />
      <circle cx={x(utilisation)} cy={y(now)} r="4" fill="#b3261e" />
      <text x={PAD} y={H - 6} fontSize="10" fill="#5b6878">0 %</text>
      <text x={W - PAD - 20} y={H - 6} fontSize="10" fill="#5b6878">100 %</text>
      <text x={x(model.kink) + 3} y={H - PAD - 4} fontSize="10" fill="#9aa6b2">{t('pools.kink', { k: permillToPercent(model.kink) })}</text>
      <text x={PAD + 4} y={PAD / 2 + 8} fontSize="10" fill="#5b6878">{rateToPercent(BigInt(max))} %</text>
      <text x={Math.min(x(utilisation) + 6, W - 90)} y={Math.max(y(now) - 6, 12)} fontSize="10" fill="#b3261e">
        {t('pools.curveNow', { r: rateToPercent(now) })}
      </text>
    </svg>
  );
}
