// Governance: the risk parameters in force (set by referenda within compile-time bounds), the
// credit lines waiting for the underwriter (read-only: `approve_credit_line` takes the
// UnderwriterOrigin, root or the Underwriter track, no signed account), the referenda now open
// (track, phase, tally against the track's curves, the decoded proposal; placing the decision
// deposit, voting with conviction, removing a vote) and the account's votes and locks; the
// platform's statistics when the indexer is connected. Rules: src/governance.ts.

import { useRef, useState } from 'react';

import { assetOf, useApp, useChainData } from '../ctx';
import {
  CONVICTIONS,
  type Curve,
  type StandardVote,
  argsText,
  blocksDuration,
  convictionVotes,
  curveThreshold,
  decisionProgress,
  decodeVoteByte,
  lockBlocks,
  perbillPercent,
  referendumPhase,
  tallyRatios,
  tallyWith,
  voteByte,
} from '../governance';
import { KNOWN_ASSETS, NATIVE, formatAmount, formatUnits, parseUnits, periodParts, permillToPercent, rateToPercent, shortAddress } from '../units';
import { type MsgKey, en } from '../i18n';
import { TxButton } from '../tx';
import { PlatformStats } from './ScoreHistory';

/** A referendum's proposal as text: `Pallet.call {args}`, or why it cannot be shown. */
type Decoded = { k: 'call'; pallet: string; call: string; args: string } | { k: 'missing'; hash: string } | { k: 'undecodable' };

export function GovernanceView() {
  const { chain, t, assets, account, block } = useApp();
  const api = chain.api;
  const addr = account?.address;
  /** Decoded proposals by referendum index: a proposal never changes, so it is decoded once. */
  const decodedCache = useRef(new Map<number, Decoded>());
  const [voteForm, setVoteForm] = useState<Record<string, { side: 'aye' | 'nay'; conviction: string; amount: string }>>({});

  const { data } = useChainData(async (at) => {
    const [p2p, capacity, priceAge, pools, referenda, lines, sme, issuance, tracks, lockingPeriod, minimumPeriod, voting, locks] = await Promise.all([
      api.query.P2pLoans.Params.getValue({ at }),
      api.query.CreditRecords.CapacityParameters.getValue({ at }),
      api.query.LiquidityPools.MaxPriceAge.getValue({ at }),
      api.apis.LiquidityPoolsApi.pools({ at }),
      api.query.Referenda.ReferendumInfoFor.getEntries({ at }),
      // Every line, to find those applied for (few on a dev chain).
      api.query.SmeFinance.Lines.getEntries({ at }),
      api.query.SmeFinance.Params.getValue({ at }),
      api.query.Balances.TotalIssuance.getValue({ at }),
      api.constants.Referenda.Tracks({ at }),
      api.constants.ConvictionVoting.VoteLockingPeriod({ at }),
      api.constants.Timestamp.MinimumPeriod({ at }),
      addr ? api.query.ConvictionVoting.VotingFor.getEntries(addr, { at }) : Promise.resolve([]),
      addr ? api.query.ConvictionVoting.ClassLocksFor.getValue(addr, { at }) : Promise.resolve([] as [number, bigint][]),
    ]);
    const applied = lines
      .filter((e) => e.value.status.type === 'Applied')
      .map((e) => ({ id: e.keyArgs[0], line: e.value }))
      .sort((a, b) => Number(a.id - b.id));
    const scores = await Promise.all(applied.map((x) => api.apis.CreditRecordsApi.profile_summary(x.line.enterprise, { at })));
    const ongoing = referenda
      .flatMap((e) => (e.value.type === 'Ongoing' ? [{ index: e.keyArgs[0] as number, info: e.value.value }] : []))
      .sort((a, b) => a.index - b.index);
    // The proposals: inline call data, or a preimage noted on chain; decoded with the runtime's metadata.
    await Promise.all(
      ongoing.map(async ({ index, info }) => {
        if (decodedCache.current.has(index)) return;
        const p = info.proposal;
        let bytes: Uint8Array | undefined;
        if (p.type === 'Inline') bytes = p.value;
        else if (p.type === 'Lookup') bytes = await api.query.Preimage.PreimageFor.getValue([p.value.hash, p.value.len], { at });
        if (!bytes) {
          decodedCache.current.set(index, { k: 'missing', hash: p.type === 'Inline' ? '' : p.value.hash });
          return;
        }
        try {
          const tx = await api.txFromCallData(bytes, { at });
          const c = tx.decodedCall;
          decodedCache.current.set(index, { k: 'call', pallet: c.type, call: c.value.type, args: argsText(c.value.value) });
        } catch {
          decodedCache.current.set(index, { k: 'undecodable' });
        }
      }),
    );
    // The account's votes, by referendum, with the track (class) they were cast in.
    const myVotes = new Map<number, { track: number; vote: StandardVote | { split: true } }>();
    const delegating: { track: number; target: string; balance: bigint }[] = [];
    for (const e of voting) {
      const track = e.keyArgs[1] as number;
      if (e.value.type === 'Delegating') {
        delegating.push({ track, target: e.value.value.target, balance: e.value.value.balance });
        continue;
      }
      for (const [poll, v] of e.value.value.votes) {
        if (v.type === 'Standard') myVotes.set(poll, { track, vote: { ...decodeVoteByte(v.value.vote), balance: v.value.balance } });
        else myVotes.set(poll, { track, vote: { split: true } });
      }
    }
    return {
      p2p, capacity, priceAge, pools, sme, issuance,
      // Track names are fixed-size byte arrays on chain (`str_array`), padded with NULs.
      tracks: new Map(tracks.map(([id, info]) => [id, { ...info, name: info.name.replace(/\0+$/, '') }])), lockingPeriod, blockMs: Number(minimumPeriod) * 2,
      ongoing, myVotes, delegating, locks,
      applied: applied.map((x, i) => ({ ...x, score: scores[i]?.score })),
    };
  }, [addr]);
  if (!data) return <p>{t('common.loading')}</p>;
  const grace = periodParts(data.p2p.grace_period);
  const smeGrace = periodParts(data.sme.grace_period);
  const isDev = chain.chainType === 'Development' || chain.chainType === 'Local';
  const trackName = (id: number) => {
    const name = data.tracks.get(id)?.name ?? String(id);
    const key = `gov.track.${name}`;
    return key in en ? t(key as MsgKey) : name;
  };
  /** A number of blocks as a duration at the chain's block time (6 s). */
  const blocksText = (n: number) => {
    const d = blocksDuration(n, data.blockMs);
    return d.unit === 'minutes' ? t('gov.minutes', { n: d.n }) : t(`unit.${d.unit}` as MsgKey, { n: d.n });
  };
  const convictionText = (c: number) => {
    const conv = CONVICTIONS[c];
    const mult = formatUnits(conv.tenths, 1);
    return conv.lockPeriods === 0 ? t('gov.convNone', { mult }) : t('gov.convLocked', { mult, lock: blocksText(lockBlocks(c, data.lockingPeriod)) });
  };
  const voteText = (v: StandardVote | { split: true }) =>
    'split' in v
      ? t('gov.voteSplit')
      : t(v.aye ? 'gov.myVoteAye' : 'gov.myVoteNay', { balance: formatAmount(v.balance, NATIVE, 4), votes: formatAmount(convictionVotes(v.balance, v.conviction), NATIVE, 4).replace(` ${NATIVE.symbol}`, ''), conviction: convictionText(v.conviction) });
  const ongoingIds = new Set(data.ongoing.map((r) => r.index));
  const pastVotes = [...data.myVotes.entries()].filter(([poll]) => !ongoingIds.has(poll)).sort((a, b) => a[0] - b[0]);

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
        <h3>{t('gov.sme')}</h3>
        <dl className="grid" data-testid="gov-sme">
          <dt>{t('gov.grace')}</dt><dd>{t(`unit.${smeGrace.unit}` as MsgKey, { n: smeGrace.n })}</dd>
          <dt>{t('gov.penalty')}</dt><dd>{rateToPercent(data.sme.penalty_rate)} %</dd>
          <dt>{t('gov.smeDefaultAfter')}</dt><dd>{t('unit.days', { n: data.sme.default_after_days })}</dd>
          <dt>{t('gov.maxAdvance')}</dt><dd>{permillToPercent(data.sme.max_advance_rate)} %</dd>
          <dt>{t('gov.maxFee')}</dt><dd>{permillToPercent(data.sme.max_fee_rate)} %</dd>
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
        <p className="hint">{t('gov.referendaHint')}</p>
        {data.ongoing.length === 0 ? <p data-testid="gov-no-referenda">{t('gov.noReferenda')}</p> : data.ongoing.map(({ index, info: r }) => {
          const track = data.tracks.get(r.track);
          const phase = track ? referendumPhase(r, track) : undefined;
          const decoded = decodedCache.current.get(index);
          const { approval, support } = tallyRatios(r.tally, data.issuance);
          const x = phase && (phase.k === 'deciding' || phase.k === 'confirming') && track ? decisionProgress(phase.since, block.number, track.decision_period) : 0n;
          const needApproval = track ? curveThreshold(track.min_approval as Curve, x) : null;
          const needSupport = track ? curveThreshold(track.min_support as Curve, x) : null;
          const mine = data.myVotes.get(index);
          const form = voteForm[index] ?? { side: 'aye', conviction: '1', amount: '' };
          const conviction = Number(form.conviction);
          const amount = parseUnits(form.amount, NATIVE.decimals);
          const previous = mine && !('split' in mine.vote) ? mine.vote : undefined;
          const after = amount ? tallyRatios(tallyWith(r.tally, { aye: form.side === 'aye', conviction, balance: amount }, previous), data.issuance) : undefined;
          // Root and the custom origins are enums of their own (system.Root, Origins.RiskAdmin …).
          const o = r.origin as { type: string; value?: { type?: string } };
          const origin = o.value?.type ?? o.type;
          return (
            <div key={index} className="loan" data-testid={`gov-ref-${index}`} data-phase={phase?.k}>
              <h4>
                {t('gov.referendum', { id: index })} · {t('gov.trackOf', { track: trackName(r.track) })} ·{' '}
                <span data-testid={`gov-ref-${index}-phase`}>
                  {!phase ? '' : phase.k === 'preparing' ? t('gov.phase.preparing') : phase.k === 'queued' ? t('gov.phase.queued') : phase.k === 'deciding' ? t('gov.phase.deciding') : t('gov.phase.confirming')}
                </span>
              </h4>
              <dl className="grid">
                <dt>{t('gov.proposal')}</dt>
                <dd data-testid={`gov-ref-${index}-proposal`}>
                  {!decoded ? t('common.loading') : decoded.k === 'call' ? <><b>{decoded.pallet}.{decoded.call}</b> <code>{decoded.args}</code></> : decoded.k === 'missing' ? t('gov.proposalMissing', { hash: decoded.hash }) : t('gov.proposalUndecodable')}
                  <br /><small>{t('gov.dispatchAs', { origin })}</small>
                </dd>
                <dt>{t('gov.when')}</dt>
                <dd data-testid={`gov-ref-${index}-when`}>
                  {!phase || !track ? '' : phase.k === 'preparing'
                    ? phase.readyAt <= block.number
                      ? t(phase.depositNeeded ? 'gov.preparedNeedsDeposit' : 'gov.prepared', { submitted: r.submitted })
                      : t(phase.depositNeeded ? 'gov.preparingNeedsDeposit' : 'gov.preparing', { n: phase.readyAt, left: blocksText(phase.readyAt - block.number), submitted: r.submitted })
                    : phase.k === 'queued' ? t('gov.queued', { max: track.max_deciding })
                      : phase.k === 'deciding' ? t('gov.deciding', { since: phase.since, n: phase.endsAt, left: blocksText(phase.endsAt - block.number), confirm: blocksText(track.confirm_period) })
                        : t('gov.confirming', { n: phase.confirmedAt, left: blocksText(phase.confirmedAt - block.number) })}
                </dd>
                <dt>{t('gov.deposits')}</dt>
                <dd data-testid={`gov-ref-${index}-deposits`}>
                  {t('gov.submissionDeposit', { amount: formatAmount(r.submission_deposit.amount, NATIVE, 4), who: shortAddress(r.submission_deposit.who) })}
                  {' · '}
                  {r.decision_deposit
                    ? t('gov.decisionDepositPlaced', { amount: formatAmount(r.decision_deposit.amount, NATIVE, 4), who: shortAddress(r.decision_deposit.who) })
                    : t('gov.decisionDepositNeeded', { amount: formatAmount(track?.decision_deposit ?? 0n, NATIVE, 4) })}
                </dd>
                <dt>{t('gov.tally')}</dt>
                <dd data-testid={`gov-ref-${index}-tally`} data-ayes={String(r.tally.ayes)} data-nays={String(r.tally.nays)} data-support={String(r.tally.support)}>
                  {t('gov.tallyText', {
                    ayes: formatAmount(r.tally.ayes, NATIVE, 4),
                    nays: formatAmount(r.tally.nays, NATIVE, 4),
                    approval: perbillPercent(approval),
                    support: formatAmount(r.tally.support, NATIVE, 4),
                    supportPct: perbillPercent(support, 4),
                  })}
                  {needApproval !== null && needSupport !== null && (
                    <><br /><small data-testid={`gov-ref-${index}-needs`}>{t(phase?.k === 'deciding' || phase?.k === 'confirming' ? 'gov.needsNow' : 'gov.needsAtStart', { approval: perbillPercent(needApproval), support: perbillPercent(needSupport) })}</small></>
                  )}
                </dd>
                {mine && (
                  <>
                    <dt>{t('gov.myVote')}</dt>
                    <dd data-testid={`gov-ref-${index}-myvote`}>
                      {voteText(mine.vote)}{' '}
                      <TxButton id={`gov-unvote-${index}`} label={t('gov.removeVote')} build={() => api.tx.ConvictionVoting.remove_vote({ class: r.track, index })} />
                    </dd>
                  </>
                )}
              </dl>
              {!r.decision_deposit && track && (
                <div className="row">
                  <TxButton id={`gov-deposit-${index}`} label={t('gov.placeDeposit', { amount: formatAmount(track.decision_deposit, NATIVE, 4) })} build={() => api.tx.Referenda.place_decision_deposit({ index })} />
                  <span className="hint">{t('gov.depositHint')}</span>
                </div>
              )}
              <div className="row">
                <select data-testid={`gov-vote-${index}-side`} value={form.side} onChange={(e) => setVoteForm({ ...voteForm, [index]: { ...form, side: e.target.value as 'aye' | 'nay' } })}>
                  <option value="aye">{t('gov.aye')}</option>
                  <option value="nay">{t('gov.nay')}</option>
                </select>
                <select data-testid={`gov-vote-${index}-conviction`} value={form.conviction} onChange={(e) => setVoteForm({ ...voteForm, [index]: { ...form, conviction: e.target.value } })}>
                  {CONVICTIONS.map((_c, i) => <option key={i} value={i}>{convictionText(i)}</option>)}
                </select>
                <input data-testid={`gov-vote-${index}-amount`} inputMode="decimal" size={12} placeholder={t('gov.voteAmount')} value={form.amount} onChange={(e) => setVoteForm({ ...voteForm, [index]: { ...form, amount: e.target.value } })} />
                <TxButton
                  id={`gov-vote-${index}`}
                  label={mine ? t('gov.changeVote') : t('gov.vote')}
                  build={() => {
                    if (!amount) return t('common.badAmount', { symbol: NATIVE.symbol, d: NATIVE.decimals });
                    return api.tx.ConvictionVoting.vote({ poll_index: index, vote: { type: 'Standard', value: { vote: voteByte(form.side === 'aye', conviction), balance: amount } } });
                  }}
                />
              </div>
              {amount && after && (
                <p className="hint" data-testid={`gov-vote-${index}-preview`}>
                  {t('gov.votePreview', { votes: formatAmount(convictionVotes(amount, conviction), NATIVE, 4).replace(` ${NATIVE.symbol}`, ''), approval: perbillPercent(after.approval), support: perbillPercent(after.support, 4) })}
                </p>
              )}
            </div>
          );
        })}
      </section>
      {account && (
        <section className="card">
          <h3>{t('gov.myVotes')}</h3>
          {data.myVotes.size === 0 && data.delegating.length === 0 ? <p data-testid="gov-my-votes-empty">{t('gov.noVotes')}</p> : (
            <ul data-testid="gov-my-votes">
              {[...data.myVotes.entries()].sort((a, b) => a[0] - b[0]).map(([poll, v]) => (
                <li key={poll} data-testid={`gov-my-vote-${poll}`}>
                  {t('gov.referendum', { id: poll })} ({trackName(v.track)}{ongoingIds.has(poll) ? '' : `, ${t('gov.ended')}`}): {voteText(v.vote)}
                  {!ongoingIds.has(poll) && <> <TxButton id={`gov-unvote-${poll}`} label={t('gov.removeVote')} build={() => api.tx.ConvictionVoting.remove_vote({ class: v.track, index: poll })} /></>}
                </li>
              ))}
              {data.delegating.map((d) => (
                <li key={`d${d.track}`}>{t('gov.delegating', { track: trackName(d.track), who: shortAddress(d.target), balance: formatAmount(d.balance, NATIVE, 4) })}</li>
              ))}
            </ul>
          )}
          {pastVotes.length > 0 && <p className="hint">{t('gov.removeHint')}</p>}
          {data.locks.length > 0 && (
            <div data-testid="gov-locks">
              {data.locks.map(([track, amount]) => (
                <div key={track} className="row">
                  {t('gov.lock', { track: trackName(track), amount: formatAmount(amount, NATIVE, 4) })}
                  <TxButton id={`gov-unlock-${track}`} label={t('gov.unlock')} build={() => api.tx.ConvictionVoting.unlock({ class: track, target: { type: 'Id', value: account.address } })} />
                </div>
              ))}
              <p className="hint">{t('gov.unlockHint')}</p>
            </div>
          )}
        </section>
      )}
      <PlatformStats />
    </div>
  );
}
