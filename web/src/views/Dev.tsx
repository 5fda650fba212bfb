// Dev tools, on development chains only: what the chain's governance and price feeders do on a
// real network, done with the dev keys so one person can try every flow: admit a verifier
// (sudo, Alice), approve a credit line for the underwriter (sudo, Alice; from the pool or with a
// financier) and post the oracle's prices (the dev feeders Alice and Bob; a price needs two).

import { useState } from 'react';

import { devAccount } from '../accounts';
import { assetOf, useApp, useChainData } from '../ctx';
import type { MsgKey } from '../i18n';
import { TxButton } from '../tx';
import { KNOWN_ASSETS, creditPerTokenToPrice, formatAmount, shortAddress } from '../units';

const KINDS = ['KycProvider', 'Auditor', 'CreditBureau'];

export function DevView() {
  const { chain, accounts, t, assets } = useApp();
  const api = chain.api;
  const alice = devAccount('Alice', chain.ss58);
  const bob = devAccount('Bob', chain.ss58);
  const [who, setWho] = useState(accounts.find((a) => a.name === 'Dave')?.address ?? '');
  const [kind, setKind] = useState('KycProvider');
  const [name, setName] = useState('Dev KYC');
  const [xbtc, setXbtc] = useState('60,000');
  const [lineId, setLineId] = useState('');
  const [source, setSource] = useState('Pool');
  const [financier, setFinancier] = useState(accounts.find((a) => a.name === 'Alice')?.address ?? '');

  // Lines applied for, waiting for the underwriter.
  const { data: applied } = useChainData(async (at) => {
    const entries = await api.query.SmeFinance.Lines.getEntries({ at });
    return entries
      .filter((e) => e.value.status.type === 'Applied')
      .map((e) => ({ id: e.keyArgs[0], line: e.value }))
      .sort((a, b) => Number(a.id - b.id));
  }, []);
  const theLine = applied?.find((x) => String(x.id) === lineId) ?? applied?.[0];

  const prices = () => {
    const p = creditPerTokenToPrice(xbtc, KNOWN_ASSETS[2]);
    if (p === null) return t('dev.badPrice');
    return api.tx.Oracle.feed_values({ values: [[1, creditPerTokenToPrice('1', KNOWN_ASSETS[1])!], [2, p]] });
  };

  return (
    <div>
      <section className="card">
        <h3>{t('dev.verifierTitle')}</h3>
        <p className="hint">{t('dev.verifierHint')}</p>
        <div className="form">
          <label>{t('dev.account')}
            <select data-testid="dev-verifier-account" value={who} onChange={(e) => setWho(e.target.value)}>
              {accounts.map((a) => <option key={a.address} value={a.address}>{a.name} ({a.address.slice(0, 6)}…)</option>)}
            </select>
          </label>
          <label>{t('dev.kind')}
            <select data-testid="dev-verifier-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {KINDS.map((k) => <option key={k} value={k}>{t(`verifierKind.${k}` as MsgKey)}</option>)}
            </select>
          </label>
          <label>{t('dev.name')}<input data-testid="dev-verifier-name" value={name} onChange={(e) => setName(e.target.value)} /></label>
        </div>
        <TxButton
          id="dev-add-verifier"
          label={t('dev.addVerifier')}
          as={alice}
          sudo
          build={() =>
            api.tx.Sudo.sudo({
              call: api.tx.CreditRecords.add_verifier({ verifier: who, kind: { type: kind, value: undefined } as never, name: new TextEncoder().encode(name) as never }).decodedCall,
            })
          }
        />
      </section>
      <section className="card">
        <h3>{t('dev.approveTitle')}</h3>
        <p className="hint">{t('dev.approveHint')}</p>
        {!applied || applied.length === 0 ? <p data-testid="dev-approve-none">{t('gov.noLines')}</p> : (
          <>
            <div className="form">
              <label>{t('dev.line')}
                <select data-testid="dev-approve-line" value={theLine ? String(theLine.id) : ''} onChange={(e) => setLineId(e.target.value)}>
                  {applied.map(({ id, line }) => (
                    <option key={String(id)} value={String(id)}>
                      #{String(id)} · {shortAddress(line.enterprise)} · {formatAmount(line.terms.limit, assetOf(assets, line.terms.asset))}
                    </option>
                  ))}
                </select>
              </label>
              <label>{t('dev.source')}
                <select data-testid="dev-approve-source" value={source} onChange={(e) => setSource(e.target.value)}>
                  <option value="Pool">{t('dev.sourcePool')}</option>
                  <option value="Financier">{t('dev.sourceFinancier')}</option>
                </select>
              </label>
              {source === 'Financier' && (
                <label>{t('dev.financier')}
                  <select data-testid="dev-approve-financier" value={financier} onChange={(e) => setFinancier(e.target.value)}>
                    {accounts.map((a) => <option key={a.address} value={a.address}>{a.name} ({a.address.slice(0, 6)}…)</option>)}
                  </select>
                </label>
              )}
            </div>
            <TxButton
              id="dev-approve"
              label={t('dev.approve')}
              as={alice}
              sudo
              build={() => {
                if (!theLine) return t('gov.noLines');
                if (source === 'Financier' && !financier) return t('dev.pickFinancier');
                const src = source === 'Pool' ? { type: 'Pool', value: undefined } : { type: 'Financier', value: financier };
                return api.tx.Sudo.sudo({ call: api.tx.SmeFinance.approve_credit_line({ line: theLine.id, source: src as never }).decodedCall });
              }}
            />
          </>
        )}
      </section>
      <section className="card">
        <h3>{t('dev.pricesTitle')}</h3>
        <p className="hint">{t('dev.pricesHint')}</p>
        <label>{t('dev.xbtcPrice')}<input data-testid="dev-xbtc-price" value={xbtc} onChange={(e) => setXbtc(e.target.value)} /></label>
        <div className="row">
          <TxButton id="dev-prices-alice" label={t('dev.postAs', { name: 'Alice' })} as={alice} build={prices} />
          <TxButton id="dev-prices-bob" label={t('dev.postAs', { name: 'Bob' })} as={bob} build={prices} />
        </div>
      </section>
    </div>
  );
}
