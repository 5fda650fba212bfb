// P2P market: open requests (terms, funded %, the borrower's score and tier) with funding; the
// account's loans as borrower (schedule, pay the next instalment or everything); its positions as
// lender (claim, list shares for sale); the share market (open listings to buy, my listings to
// cancel); a form to ask for a loan in human units. With the indexer: the lender's returns
// (LenderReturns), and the account's loans found through it instead of reading every loan.

import { blake2b256 } from '@polkadot-labs/hdkd-helpers';
import { Binary, type PolkadotClient } from 'polkadot-api';
import { useState } from 'react';

import type { XindaiApi } from '../chain';
import { assetOf, useApp, useChainData } from '../ctx';
import type { MsgKey } from '../i18n';
import { MY_LOAN_IDS, type MyLoanIdsData, chainBlockHash, gql, graphqlEndpoint, idsViaIndexer, readRecords } from '../indexer';
import { TxButton } from '../tx';
import {
  DAY_MS,
  formatAmount,
  formatDate,
  formatUnits,
  listingCost,
  monthsToSeconds,
  parseUnits,
  percentToRate,
  periodParts,
  rateToPercent,
  sharePercent,
  shortAddress,
} from '../units';
import { LenderReturns } from './LenderReturns';

export const PURPOSES = ['PersonalConsumption', 'Education', 'Medical', 'Home', 'BusinessWorkingCapital', 'Equipment', 'Refinancing', 'Other'] as const;

/** blake2b-256 of a text, as the chain's description hashes (the text stays off chain). */
export function textHash(s: string): string {
  return Binary.toHex(blake2b256(new TextEncoder().encode(s)));
}

/**
 * The ids of `addr`'s loans as borrower, with their current state read at `at`: through the
 * indexer when it answers for this chain (its ids for the account, plus the ids created since
 * its last block), else by reading every loan.
 */
async function myLoans(api: XindaiApi, rpc: PolkadotClient, addr: string, at: string) {
  const url = graphqlEndpoint();
  const ids = url
    ? await idsViaIndexer({
        ask: () => gql<MyLoanIdsData>(url, MY_LOAN_IDS, { id: addr }),
        ids: (d) => d.loans.map((l) => l.id),
        count: (d) => d.loansConnection.totalCount,
        chainNext: () => api.query.P2pLoans.NextLoanId.getValue({ at }),
        blockHash: chainBlockHash(rpc),
        what: 'every loan',
      })
    : undefined;
  const { records, viaIndexer } = await readRecords(
    ids,
    (id) => api.query.P2pLoans.Loans.getValue(id, { at }),
    // The chain keeps no index of loans by borrower: read all (fine for a dev chain).
    async () => (await api.query.P2pLoans.Loans.getEntries({ at })).map((e) => ({ key: e.keyArgs[0] as number, value: e.value })),
  );
  return { ids: records.filter((x) => x.value.borrower === addr && x.value.status.type !== 'Cancelled' && x.value.status.type !== 'Expired').map((x) => x.key), viaIndexer };
}

export function P2pView() {
  const { chain, account, t, assets, now } = useApp();
  const api = chain.api;
  const addr = account?.address;
  const [fund, setFund] = useState<Record<number, string>>({});
  const [sell, setSell] = useState<Record<number, { shares: string; price: string }>>({});
  const [buy, setBuy] = useState<Record<number, string>>({});
  const [form, setForm] = useState({
    asset: '1',
    amount: '1,000',
    rate: '12',
    instalments: '4',
    periodMonths: '1',
    kind: 'Amortising',
    collateralAsset: '',
    collateral: '',
    deadlineDays: '10',
    minTicket: '100',
    purpose: 'Education',
    description: '',
  });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const { data } = useChainData(
    async (at) => {
      const open = await api.apis.P2pLoansApi.open_requests({ at });
      const borrowers = [...new Set(open.map(([, v]) => v.borrower))];
      const summaries = await Promise.all(borrowers.map((b) => api.apis.CreditRecordsApi.profile_summary(b, { at })));
      const byBorrower = Object.fromEntries(borrowers.map((b, i) => [b, summaries[i]]));
      // The share market: every open listing, with its loan's asset and borrower.
      const listingEntries = await api.query.P2pLoans.Listings.getEntries({ at });
      const listings = listingEntries.map((e) => ({ id: e.keyArgs[0] as number, ...e.value })).sort((a, b) => a.id - b.id);
      const listingLoans = [...new Set(listings.map((l) => l.loan))];
      const listingLoanViews = await Promise.all(listingLoans.map((id) => api.apis.P2pLoansApi.loan(id, { at })));
      const loanInfo: Record<number, { asset: number; borrower: string }> = Object.fromEntries(
        listingLoans.map((id, i) => [id, { asset: listingLoanViews[i]?.terms.asset ?? 1, borrower: listingLoanViews[i]?.borrower ?? '' }]),
      );
      if (!addr) return { open, byBorrower, mine: [], positions: [], positionAssets: {} as Record<number, number>, listings, loanInfo, viaIndexer: false };
      const { ids: mineIds, viaIndexer } = await myLoans(api, chain.client, addr, at);
      const mine = (await Promise.all(mineIds.map(async (id) => [id, await api.apis.P2pLoansApi.loan(id, { at })] as const))).filter(([, v]) => v);
      const positions = await api.apis.P2pLoansApi.positions(addr, { at });
      const positionAssets: Record<number, number> = Object.fromEntries(
        await Promise.all(positions.map(async (p) => [p.loan, (await api.apis.P2pLoansApi.loan(p.loan, { at }))?.terms.asset ?? 1] as const)),
      );
      return { open, byBorrower, mine, positions, positionAssets, listings, loanInfo, viaIndexer };
    },
    [addr],
  );

  const termText = (terms: { principal: bigint; asset: number; annual_rate: bigint; instalments: number; period: bigint; kind: { type: string } }) => {
    const p = periodParts(terms.period);
    return t('p2p.terms', {
      amount: formatAmount(terms.principal, assetOf(assets, terms.asset)),
      rate: rateToPercent(terms.annual_rate),
      n: terms.instalments,
      every: t(`unit.${p.unit}` as MsgKey, { n: p.n }),
      kind: t(`p2p.kind.${terms.kind.type}` as MsgKey),
    });
  };

  const asset = assetOf(assets, Number(form.asset));
  const collAsset = form.collateralAsset ? assetOf(assets, Number(form.collateralAsset)) : undefined;

  return (
    <div>
      <section className="card">
        <h3>{t('p2p.open')}</h3>
        {!data ? (
          <p>{t('common.loading')}</p>
        ) : data.open.length === 0 ? (
          <p data-testid="p2p-open-empty">{t('p2p.noOpen')}</p>
        ) : (
          <table data-testid="p2p-open">
            <thead>
              <tr>
                <th>#</th><th>{t('p2p.borrower')}</th><th>{t('p2p.termsCol')}</th><th>{t('p2p.purpose')}</th><th>{t('p2p.funded')}</th><th>{t('p2p.deadline')}</th><th>{t('p2p.fund')}</th>
              </tr>
            </thead>
            <tbody>
              {data.open.map(([id, v]) => {
                const a = assetOf(assets, v.terms.asset);
                const s = data.byBorrower[v.borrower];
                return (
                  <tr key={id} data-testid={`p2p-open-${id}`}>
                    <td>{id}</td>
                    <td>
                      {shortAddress(v.borrower)}
                      <br />
                      <small>{s ? t('p2p.scoreTier', { score: s.score, tier: s.tier ?? '—' }) : '—'}</small>
                    </td>
                    <td>{termText(v.terms)}{v.terms.collateral ? <><br /><small>{t('p2p.collateral', { amount: formatAmount(v.terms.collateral[1], assetOf(assets, v.terms.collateral[0])) })}</small></> : null}</td>
                    <td>{t(`purpose.${v.terms.purpose.category.type}` as MsgKey)}</td>
                    <td data-testid={`p2p-open-${id}-funded`}>
                      {sharePercent(v.funded, v.terms.principal)} % <small>({formatAmount(v.funded, a)})</small>
                    </td>
                    <td>{formatDate(v.terms.funding_deadline)}</td>
                    <td>
                      {addr && v.borrower !== addr && (
                        <span className="row">
                          <input
                            data-testid={`p2p-fund-${id}-amount`}
                            inputMode="decimal"
                            placeholder={t('p2p.minTicketPh', { min: formatAmount(v.terms.min_ticket, a) })}
                            value={fund[id] ?? ''}
                            onChange={(e) => setFund({ ...fund, [id]: e.target.value })}
                          />
                          <TxButton
                            id={`p2p-fund-${id}`}
                            label={t('p2p.fund')}
                            build={() => {
                              const amt = parseUnits(fund[id] ?? '', a.decimals);
                              return amt ? api.tx.P2pLoans.fund({ loan: id, amount: amt }) : t('common.badAmount', { symbol: a.symbol, d: a.decimals });
                            }}
                          />
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      {addr && data && (
        <section className="card" data-testid="p2p-my-loans" data-source={data.viaIndexer ? 'indexer' : 'chain'}>
          <h3>{t('p2p.myLoans')}</h3>
          {data.mine.length === 0 && <p data-testid="p2p-mine-empty">{t('p2p.noLoans')}</p>}
          {data.mine.map(([id, v]) => {
            if (!v) return null;
            const a = assetOf(assets, v.terms.asset);
            const nextAmount = v.next_due ? v.next_due[1] + v.penalty_owed : 0n;
            const repayable = ['Active', 'Defaulted', 'Liquidated'].includes(v.status.type);
            return (
              <div key={id} className="loan" data-testid={`p2p-loan-${id}`}>
                <h4>
                  {t('p2p.loanN', { id })} · {t(`status.${v.status.type}` as MsgKey)} · {termText(v.terms)}
                </h4>
                <p>
                  {t('p2p.fundedOf', { pct: sharePercent(v.funded, v.terms.principal), amount: formatAmount(v.funded, a) })}
                  {v.next_due && <> · {t('p2p.nextDue', { date: formatDate(v.next_due[0]), amount: formatAmount(v.next_due[1], a) })}</>}
                  {repayable && <> · {t('p2p.penalty', { amount: formatAmount(v.penalty_owed, a) })} · {t('p2p.payoff', { amount: formatAmount(v.payoff_today, a) })}</>}
                </p>
                {v.schedule.length > 0 && (
                  <table data-testid={`p2p-schedule-${id}`}>
                    <thead>
                      <tr><th>#</th><th>{t('p2p.due')}</th><th>{t('p2p.principal')}</th><th>{t('p2p.interest')}</th><th>{t('p2p.paid')}</th><th>{t('p2p.state')}</th></tr>
                    </thead>
                    <tbody>
                      {v.schedule.map((row, i) => (
                        <tr key={i} data-testid={`p2p-schedule-${id}-row-${i}`} data-state={row.state.type}>
                          <td>{i + 1}</td>
                          <td>{formatDate(row.instalment.due_at)}</td>
                          <td className="num">{formatAmount(row.instalment.principal, a)}</td>
                          <td className="num">{formatAmount(row.instalment.interest, a)}</td>
                          <td className="num">{formatAmount(row.instalment.principal_paid + row.instalment.interest_paid, a)}</td>
                          <td>{t(`instalment.${row.state.type}` as MsgKey)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                <div className="row">
                  {v.status.type === 'Funding' && (
                    <TxButton id={`p2p-cancel-${id}`} label={t('p2p.cancel')} build={() => api.tx.P2pLoans.cancel_request({ loan: id })} />
                  )}
                  {repayable && v.next_due && (
                    <TxButton
                      id={`p2p-pay-next-${id}`}
                      label={t('p2p.payNext', { amount: formatAmount(nextAmount, a) })}
                      build={() => api.tx.P2pLoans.repay({ loan: id, amount: nextAmount })}
                    />
                  )}
                  {repayable && v.payoff_today > 0n && (
                    <TxButton
                      id={`p2p-pay-all-${id}`}
                      label={t('p2p.payAll', { amount: formatAmount(v.payoff_today, a) })}
                      build={() => api.tx.P2pLoans.repay({ loan: id, amount: v.payoff_today })}
                    />
                  )}
                </div>
              </div>
            );
          })}
        </section>
      )}

      {addr && data && (
        <section className="card">
          <h3>{t('p2p.myPositions')}</h3>
          {data.positions.length === 0 ? (
            <p data-testid="p2p-positions-empty">{t('p2p.noPositions')}</p>
          ) : (
            <table data-testid="p2p-positions">
              <thead>
                <tr><th>{t('p2p.loan')}</th><th>{t('p2p.state')}</th><th>{t('p2p.shares')}</th><th>{t('p2p.claimable')}</th><th></th><th>{t('p2p.sell')}</th></tr>
              </thead>
              <tbody>
                {data.positions.map((p) => {
                  const a = assetOf(assets, data.positionAssets[p.loan] ?? 1);
                  return (
                    <tr key={p.loan} data-testid={`p2p-position-${p.loan}`}>
                      <td>{t('p2p.loanN', { id: p.loan })}</td>
                      <td>{t(`status.${p.status.type}` as MsgKey)}</td>
                      <td className="num" data-testid={`p2p-position-${p.loan}-shares`}>
                        {formatAmount(p.shares, a)}
                        {p.listed > 0n && <><br /><small>{t('p2p.listed', { amount: formatAmount(p.listed, a) })}</small></>}
                      </td>
                      <td className="num" data-testid={`p2p-position-${p.loan}-claimable`}>{formatAmount(p.claimable, a)}{p.refundable > 0n ? ` + ${t('p2p.refund', { amount: formatAmount(p.refundable, a) })}` : ''}</td>
                      <td>
                        {p.claimable + p.collateral_claimable > 0n && (
                          <TxButton id={`p2p-claim-${p.loan}`} label={t('p2p.claim')} build={() => api.tx.P2pLoans.claim({ loan: p.loan })} />
                        )}
                        {p.refundable > 0n && (
                          <TxButton id={`p2p-refund-${p.loan}`} label={t('p2p.claimRefund')} build={() => api.tx.P2pLoans.claim_refund({ loan: p.loan })} />
                        )}
                      </td>
                      <td>
                        {p.status.type === 'Active' && p.listed === 0n && p.shares > 0n && (
                          <span className="row">
                            <input
                              size={8}
                              data-testid={`p2p-sell-${p.loan}-shares`}
                              placeholder={t('p2p.sellShares', { symbol: a.symbol })}
                              value={sell[p.loan]?.shares ?? ''}
                              onChange={(e) => setSell({ ...sell, [p.loan]: { price: sell[p.loan]?.price ?? '', shares: e.target.value } })}
                            />
                            <input
                              size={8}
                              data-testid={`p2p-sell-${p.loan}-price`}
                              placeholder={t('p2p.sellPrice', { symbol: a.symbol })}
                              value={sell[p.loan]?.price ?? ''}
                              onChange={(e) => setSell({ ...sell, [p.loan]: { shares: sell[p.loan]?.shares ?? '', price: e.target.value } })}
                            />
                            <TxButton
                              id={`p2p-list-${p.loan}`}
                              label={t('p2p.list')}
                              build={() => {
                                const shares = parseUnits(sell[p.loan]?.shares ?? '', a.decimals);
                                const price = parseUnits(sell[p.loan]?.price ?? '', a.decimals);
                                if (!shares || !price) return t('p2p.badShares', { symbol: a.symbol });
                                return api.tx.P2pLoans.list_shares({ loan: p.loan, shares, price });
                              }}
                            />
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      )}

      {addr && data && <LenderReturns address={addr} />}

      {data && (
        <section className="card">
          <h3>{t('p2p.market')}</h3>
          <p className="hint">{t('p2p.marketHint')}</p>
          {data.listings.filter((l) => l.seller !== addr).length === 0 ? (
            <p data-testid="p2p-listings-empty">{t('p2p.noListings')}</p>
          ) : (
            <table data-testid="p2p-listings">
              <thead>
                <tr><th>#</th><th>{t('p2p.loan')}</th><th>{t('p2p.seller')}</th><th className="num">{t('p2p.forSale')}</th><th>{t('p2p.price')}</th><th>{t('p2p.buy')}</th></tr>
              </thead>
              <tbody>
                {data.listings.filter((l) => l.seller !== addr).map((l) => {
                  const info = data.loanInfo[l.loan];
                  const a = assetOf(assets, info?.asset ?? 1);
                  const wanted = parseUnits(buy[l.id] ?? '', a.decimals);
                  const shares = buy[l.id] === undefined || buy[l.id] === '' ? l.shares : wanted;
                  const canBuy = addr && info?.borrower !== addr;
                  return (
                    <tr key={l.id} data-testid={`p2p-listing-${l.id}`}>
                      <td>{l.id}</td>
                      <td>{t('p2p.loanN', { id: l.loan })}</td>
                      <td className="addr">{shortAddress(l.seller)}</td>
                      <td className="num" data-testid={`p2p-listing-${l.id}-shares`}>{formatAmount(l.shares, a)}</td>
                      <td>{t('p2p.pricePer', { price: formatAmount(l.price, a), pct: sharePercent(l.price, l.shares) })}</td>
                      <td>
                        {canBuy && (
                          <span className="row">
                            <input
                              size={8}
                              data-testid={`p2p-buy-${l.id}-shares`}
                              placeholder={formatUnits(l.shares, a.decimals)}
                              value={buy[l.id] ?? ''}
                              onChange={(e) => setBuy({ ...buy, [l.id]: e.target.value })}
                            />
                            {shares && shares <= l.shares && (
                              <small data-testid={`p2p-buy-${l.id}-cost`}>{t('p2p.cost', { cost: formatAmount(listingCost(l.price, shares, l.shares), a) })}</small>
                            )}
                            <TxButton
                              id={`p2p-buy-${l.id}`}
                              label={t('p2p.buy')}
                              build={() => (shares ? api.tx.P2pLoans.buy_shares({ listing: l.id, shares }) : t('common.badAmount', { symbol: a.symbol, d: a.decimals }))}
                            />
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {addr && data.listings.some((l) => l.seller === addr) && (
            <>
              <h4>{t('p2p.myListings')}</h4>
              <table data-testid="p2p-my-listings">
                <tbody>
                  {data.listings.filter((l) => l.seller === addr).map((l) => {
                    const a = assetOf(assets, data.loanInfo[l.loan]?.asset ?? 1);
                    return (
                      <tr key={l.id} data-testid={`p2p-my-listing-${l.id}`}>
                        <td>{t('p2p.listing')} #{l.id}</td>
                        <td>{t('p2p.loanN', { id: l.loan })}</td>
                        <td className="num">{formatAmount(l.shares, a)}</td>
                        <td>{t('p2p.pricePer', { price: formatAmount(l.price, a), pct: sharePercent(l.price, l.shares) })}</td>
                        <td><TxButton id={`p2p-cancel-listing-${l.id}`} label={t('p2p.cancelListing')} build={() => api.tx.P2pLoans.cancel_listing({ listing: l.id })} /></td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}

      {addr && (
        <section className="card">
          <h3>{t('p2p.ask')}</h3>
          <div className="form">
            <label>{t('p2p.asset')}
              <select data-testid="p2p-new-asset" value={form.asset} onChange={set('asset')}>
                {Object.values(assets).map((a) => <option key={a.id} value={a.id}>{a.symbol}</option>)}
              </select>
            </label>
            <label>{t('p2p.amount', { symbol: asset.symbol })}<input data-testid="p2p-new-amount" value={form.amount} onChange={set('amount')} /></label>
            <label>{t('p2p.rate')}<input data-testid="p2p-new-rate" value={form.rate} onChange={set('rate')} /></label>
            <label>{t('p2p.instalments')}<input data-testid="p2p-new-instalments" value={form.instalments} onChange={set('instalments')} /></label>
            <label>{t('p2p.periodMonths')}<input data-testid="p2p-new-period" value={form.periodMonths} onChange={set('periodMonths')} /></label>
            <label>{t('p2p.kind')}
              <select data-testid="p2p-new-kind" value={form.kind} onChange={set('kind')}>
                <option value="Amortising">{t('p2p.kind.Amortising')}</option>
                <option value="Bullet">{t('p2p.kind.Bullet')}</option>
              </select>
            </label>
            <label>{t('p2p.collateralAsset')}
              <select data-testid="p2p-new-collateral-asset" value={form.collateralAsset} onChange={set('collateralAsset')}>
                <option value="">{t('p2p.noCollateral')}</option>
                {Object.values(assets).map((a) => <option key={a.id} value={a.id}>{a.symbol}</option>)}
              </select>
            </label>
            {collAsset && <label>{t('p2p.collateralAmount', { symbol: collAsset.symbol })}<input data-testid="p2p-new-collateral" value={form.collateral} onChange={set('collateral')} /></label>}
            <label>{t('p2p.deadlineDays')}<input data-testid="p2p-new-deadline" value={form.deadlineDays} onChange={set('deadlineDays')} /></label>
            <label>{t('p2p.minTicket', { symbol: asset.symbol })}<input data-testid="p2p-new-min-ticket" value={form.minTicket} onChange={set('minTicket')} /></label>
            <label>{t('p2p.purpose')}
              <select data-testid="p2p-new-purpose" value={form.purpose} onChange={set('purpose')}>
                {PURPOSES.map((p) => <option key={p} value={p}>{t(`purpose.${p}` as MsgKey)}</option>)}
              </select>
            </label>
            <label>{t('p2p.description')}<input data-testid="p2p-new-description" value={form.description} onChange={set('description')} /></label>
          </div>
          <p className="hint">{t('p2p.descriptionHint')}</p>
          <TxButton
            id="p2p-create"
            label={t('p2p.create')}
            build={() => {
              const principal = parseUnits(form.amount, asset.decimals);
              const minTicket = parseUnits(form.minTicket, asset.decimals);
              const rate = percentToRate(form.rate);
              const n = Number(form.instalments);
              const months = Number(form.periodMonths);
              const days = Number(form.deadlineDays);
              if (!principal || !minTicket) return t('common.badAmount', { symbol: asset.symbol, d: asset.decimals });
              if (rate === null) return t('p2p.badRate');
              if (!Number.isInteger(n) || n < 1 || !(months > 0) || !(days > 0)) return t('p2p.badTerms');
              let collateral: [number, bigint] | undefined;
              if (collAsset) {
                const c = parseUnits(form.collateral, collAsset.decimals);
                if (!c) return t('common.badAmount', { symbol: collAsset.symbol, d: collAsset.decimals });
                collateral = [collAsset.id, c];
              }
              return api.tx.P2pLoans.create_request({
                asset: asset.id,
                principal,
                annual_rate: rate,
                instalments: n,
                period: monthsToSeconds(months),
                kind: { type: form.kind, value: undefined } as never,
                collateral,
                funding_deadline: now + BigInt(Math.round(days * DAY_MS)),
                min_ticket: minTicket,
                purpose: { category: { type: form.purpose, value: undefined } as never, description_hash: textHash(form.description) as never },
              });
            }}
          />
        </section>
      )}
    </div>
  );
}
