// Dev tools, on development chains only: what the chain's governance and price feeders do on a
// real network, done with the dev keys so one person can try every flow: admit a verifier
// (sudo, Alice) and post the oracle's prices (the dev feeders Alice and Bob; a price needs two).

import { useState } from 'react';

import { devAccount } from '../accounts';
import { useApp } from '../ctx';
import type { MsgKey } from '../i18n';
import { TxButton } from '../tx';
import { KNOWN_ASSETS, creditPerTokenToPrice } from '../units';

const KINDS = ['KycProvider', 'Auditor', 'CreditBureau'];

export function DevView() {
  const { chain, accounts, t } = useApp();
  const api = chain.api;
  const alice = devAccount('Alice', chain.ss58);
  const bob = devAccount('Bob', chain.ss58);
  const [who, setWho] = useState(accounts.find((a) => a.name === 'Dave')?.address ?? '');
  const [kind, setKind] = useState('KycProvider');
  const [name, setName] = useState('Dev KYC');
  const [xbtc, setXbtc] = useState('60,000');

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
