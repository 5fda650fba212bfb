// Verifier: for admitted verifiers, attest and revoke claims (KYC, KYB, audited financials) and,
// for credit bureaus, income bands; then their part of SME finance (VerifierSme.tsx): an auditor
// attests filings, each verifier the credit-line milestones of its kind.

import { blake2b256 } from '@polkadot-labs/hdkd-helpers';
import { Binary } from 'polkadot-api';
import { useState } from 'react';

import { useApp, useChainData } from '../ctx';
import type { MsgKey } from '../i18n';
import { TxButton } from '../tx';
import { DAY_MS, formatDate } from '../units';
import { VerifierSme } from './VerifierSme';

const CLAIMS: Record<string, string[]> = {
  KycProvider: ['KycBasic', 'KycFull', 'Kyb'],
  Auditor: ['AuditedFinancials'],
  CreditBureau: ['IncomeVerified'],
  CollectionAgent: [],
};
const INCOME_BANDS = ['Under1k', 'From1kTo3k', 'From3kTo6k', 'From6kTo12k', 'From12kTo25k', 'From25kTo50k', 'Over50k'];

const hashText = (s: string) => Binary.toHex(blake2b256(new TextEncoder().encode(s)));

export function VerifierView() {
  const { chain, account, accounts, t, now } = useApp();
  const api = chain.api;
  const addr = account?.address;
  const [subject, setSubject] = useState('');
  const [claim, setClaim] = useState('');
  const [band, setBand] = useState('From3kTo6k');
  const [months, setMonths] = useState('12');
  const [evidence, setEvidence] = useState('');
  const [identity, setIdentity] = useState('');

  const { data } = useChainData(
    async (at) => {
      if (!addr) return null;
      const info = await api.query.CreditRecords.Verifiers.getValue(addr, { at });
      const subj = subject.trim();
      const attestations = info && subj ? await api.query.CreditRecords.Attestations.getValue(subj, { at }).catch(() => []) : [];
      return { info, attestations };
    },
    [addr, subject],
  );

  if (!account) return <p>{t('common.pickAccount')}</p>;
  if (!data) return <p>{t('common.loading')}</p>;
  if (!data.info) {
    return (
      <section className="card">
        <p data-testid="verifier-not">{t('verifier.not')}</p>
        {(chain.chainType === 'Development' || chain.chainType === 'Local') && <p className="hint">{t('verifier.devHint')}</p>}
      </section>
    );
  }
  const kind = data.info.kind.type;
  const allowed = CLAIMS[kind] ?? [];
  const theClaim = claim && allowed.includes(claim) ? claim : allowed[0];
  const isIdentity = theClaim === 'KycBasic' || theClaim === 'KycFull' || theClaim === 'Kyb';
  const expires = now + BigInt(Math.round(Number(months) * 30 * DAY_MS));
  const mine = data.attestations.filter((a) => a.verifier === addr);

  return (
    <div>
      <section className="card">
        <h3>{t('verifier.title', { name: Binary.toText(data.info.name as unknown as Uint8Array), kind: t(`verifierKind.${kind}` as MsgKey) })}</h3>
        <div className="form">
          <label>{t('verifier.subject')}
            <input data-testid="verifier-subject" list="known-accounts" value={subject} onChange={(e) => setSubject(e.target.value)} placeholder="5…" />
            <datalist id="known-accounts">
              {accounts.map((a) => <option key={a.address} value={a.address}>{a.name}</option>)}
            </datalist>
          </label>
          <label>{t('verifier.claim')}
            <select data-testid="verifier-claim" value={theClaim} onChange={(e) => setClaim(e.target.value)}>
              {allowed.map((c) => <option key={c} value={c}>{t(`claim.${c}` as MsgKey)}</option>)}
            </select>
          </label>
          {theClaim === 'IncomeVerified' && (
            <label>{t('verifier.band')}
              <select data-testid="verifier-band" value={band} onChange={(e) => setBand(e.target.value)}>
                {INCOME_BANDS.map((b) => <option key={b} value={b}>{t(`band.${b}` as MsgKey)}</option>)}
              </select>
            </label>
          )}
          <label>{t('verifier.months')}<input data-testid="verifier-months" value={months} onChange={(e) => setMonths(e.target.value)} /></label>
          <label>{t('verifier.evidence')}<input data-testid="verifier-evidence" value={evidence} onChange={(e) => setEvidence(e.target.value)} /></label>
          {isIdentity && (
            <label>{t('verifier.identity')}<input data-testid="verifier-identity" value={identity} onChange={(e) => setIdentity(e.target.value)} placeholder={t('verifier.identityPh')} /></label>
          )}
        </div>
        <p className="hint">{t('verifier.hashHint', { date: formatDate(expires) })}</p>
        <TxButton
          id="verifier-attest"
          label={t('verifier.attest')}
          disabled={!subject.trim() || !theClaim}
          build={() => {
            const subj = subject.trim();
            if (!(Number(months) > 0)) return t('verifier.badMonths');
            if (theClaim === 'IncomeVerified') {
              return api.tx.CreditRecords.attest_income({ subject: subj, band: { type: band, value: undefined } as never, claim_hash: hashText(`evidence:${evidence}`) as never, expires_at: expires });
            }
            // The identity commitment: a salted hash of the person's identity reference (the
            // subject's address when left empty: one person per account).
            const identityRef = identity.trim() || subj;
            return api.tx.CreditRecords.attest({
              subject: subj,
              claim: { type: theClaim, value: undefined } as never,
              claim_hash: hashText(`evidence:${evidence}`) as never,
              expires_at: expires,
              identity: isIdentity ? (hashText(`xindai-identity:${identityRef}`) as never) : undefined,
            });
          }}
        />
      </section>
      {subject.trim() && (
        <section className="card">
          <h3>{t('verifier.mine')}</h3>
          {mine.length === 0 ? <p>{t('credit.noAttestations')}</p> : (
            <table data-testid="verifier-attestations">
              <tbody>
                {mine.map((a, i) => (
                  <tr key={i}>
                    <td>{t(`claim.${a.claim.type}` as MsgKey)}</td>
                    <td>{t('credit.expiresOn', { date: formatDate(a.expires_at) })}</td>
                    <td>
                      <TxButton
                        id={`verifier-revoke-${a.claim.type}`}
                        label={t('verifier.revoke')}
                        build={() => api.tx.CreditRecords.revoke_attestation({ subject: subject.trim(), claim: a.claim })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      <VerifierSme kind={kind} />
    </div>
  );
}
