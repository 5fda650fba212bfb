// My credit: profile, attestations with expiry, score and its factors, tier and exposure cap,
// repayment capacity; data-access grants; from the indexer the score's history (ScoreHistory) and
// who read the profile (ProfileAccesses); registering hashes a file in the browser (the file never
// leaves it).

import { blake2b256 } from '@polkadot-labs/hdkd-helpers';
import { Binary } from 'polkadot-api';
import { useState } from 'react';

import { useApp, useChainData } from '../ctx';
import { TxButton } from '../tx';
import { DAY_MS, KNOWN_ASSETS, formatAmount, formatDate, formatUnits } from '../units';
import { ProfileAccesses } from './ProfileAccesses';
import { ScoreHistory } from './ScoreHistory';

const USDX = KNOWN_ASSETS[1];

/** blake2b-256 of the file's bytes, computed in the page: only this hash goes on chain. */
export async function hashFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return Binary.toHex(blake2b256(bytes));
}

export function CreditView() {
  const { chain, account, t, now } = useApp();
  const api = chain.api;
  const addr = account?.address;
  const [docHash, setDocHash] = useState<string>('');
  const [fileName, setFileName] = useState<string>('');
  const [kind, setKind] = useState<'Individual' | 'Enterprise'>('Individual');
  const [institution, setInstitution] = useState('');
  const [grantDays, setGrantDays] = useState('30');
  const [envelope, setEnvelope] = useState('');

  const { data } = useChainData(
    async (at) => {
      if (!addr) return null;
      const [summary, breakdown, capacity, attestations, tiers, grants] = await Promise.all([
        api.apis.CreditRecordsApi.profile_summary(addr, { at }),
        api.apis.CreditRecordsApi.score_breakdown(addr, { at }),
        api.apis.CreditRecordsApi.repayment_capacity(addr, { at }),
        api.query.CreditRecords.Attestations.getValue(addr, { at }),
        api.query.CreditRecords.TierTable.getValue({ at }),
        api.apis.CreditRecordsApi.grants(addr, { at }),
      ]);
      return { summary, breakdown, capacity, attestations, tiers, grants };
    },
    [addr],
  );

  if (!account) return <p>{t('common.pickAccount')}</p>;
  const s = data?.summary;

  const register = (
    <section className="card">
      <h3>{s ? t('credit.updateDocs') : t('credit.register')}</h3>
      <p className="hint">{t('credit.registerHint')}</p>
      <label>
        {t('credit.pickFile')}{' '}
        <input
          type="file"
          data-testid="credit-file"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            setFileName(f.name);
            setDocHash(await hashFile(f));
          }}
        />
      </label>
      {docHash && (
        <p>
          {t('credit.fileHash', { name: fileName })} <code data-testid="credit-file-hash">{docHash}</code>
        </p>
      )}
      {!s && (
        <label>
          {t('credit.kind')}{' '}
          <select data-testid="credit-kind" value={kind} onChange={(e) => setKind(e.target.value as 'Individual' | 'Enterprise')}>
            <option value="Individual">{t('credit.kind.Individual')}</option>
            <option value="Enterprise">{t('credit.kind.Enterprise')}</option>
          </select>
        </label>
      )}
      {/* One button for both (same element), so its progress stays on screen when the new
          profile replaces the form above it. */}
      <TxButton
        id="credit-docs"
        label={s ? t('credit.updateDocs') : t('credit.registerBtn')}
        disabled={!docHash}
        build={() =>
          s
            ? api.tx.CreditRecords.update_documents({ documents: docHash as never })
            : api.tx.CreditRecords.register({ kind: { type: kind, value: undefined } as never, documents: docHash as never })
        }
      />
    </section>
  );

  if (!s) {
    return (
      <div>
        <>
          <section className="card">
            <h3>{t('credit.profile')}</h3>
            <p data-testid="credit-status">{t('credit.noProfile')}</p>
          </section>
        </>
        {register}
      </div>
    );
  }

  const used = s.outstanding + s.committed;
  const left = s.exposure_cap > used ? s.exposure_cap - used : 0n;
  const b = data?.breakdown;
  const cap = data?.capacity;
  const factors: [string, number, number][] = b
    ? [
        [t('score.base'), b.base, 1],
        [t('score.onTime'), b.on_time_bonus, 1],
        [t('score.volume'), b.volume_bonus, 1],
        [t('score.age'), b.age_bonus, 1],
        [t('score.attestations'), b.attestation_bonus, 1],
        [t('score.filings'), b.filing_bonus, 1],
        [t('score.recovery'), b.recovery, 1],
        [t('score.late'), b.late_penalty, -1],
        [t('score.default'), b.default_penalty, -1],
      ]
    : [];

  return (
    <div>
      <>
      <section className="card">
        <h3>{t('credit.profile')}</h3>
        <dl className="grid">
          <dt>{t('credit.status')}</dt>
          <dd data-testid="credit-status">
            {s.frozen ? t('credit.frozen') : s.verified ? t('credit.verified') : t('credit.unverified')}
            {s.eligible ? ` · ${t('credit.eligible')}` : ''}
          </dd>
          <dt>{t('credit.kind')}</dt>
          <dd>{t(`credit.kind.${s.kind.type}` as 'credit.kind.Individual')}</dd>
          <dt>{t('credit.documents')}</dt>
          <dd><code data-testid="credit-documents">{String(s.documents)}</code></dd>
          <dt>{t('credit.score')}</dt>
          <dd className="big" data-testid="credit-score">{s.score}</dd>
          <dt>{t('credit.tier')}</dt>
          <dd data-testid="credit-tier">
            {s.tier === undefined ? '—' : t('credit.tierN', { n: s.tier })} · {t('credit.premium', { p: formatUnits(BigInt(s.rate_premium_bps), 2) })}
          </dd>
          <dt>{t('credit.cap')}</dt>
          <dd data-testid="credit-cap">
            {t('credit.capUsed', { used: formatAmount(used, USDX, 2), cap: formatAmount(s.exposure_cap, USDX, 2), left: formatAmount(left, USDX, 2) })}
          </dd>
          {cap && (
            <>
              <dt>{t('credit.capacity')}</dt>
              <dd data-testid="credit-capacity">
                {t('credit.capacityText', { room: formatAmount(cap.room, USDX, 2), limit: formatAmount(cap.limit, USDX, 2), used: formatAmount(cap.monthly_service, USDX, 2) })}
                {' '}({t(`capacity.${cap.basis.type}` as 'capacity.Unattested')})
              </dd>
            </>
          )}
          <dt>{t('credit.history')}</dt>
          <dd>
            {t('credit.historyText', {
              borrowed: formatAmount(s.history.borrowed, USDX, 2),
              repaid: formatAmount(s.history.repaid, USDX, 2),
              defaults: s.history.defaults,
            })}
          </dd>
        </dl>
      </section>

      <section className="card">
        <h3>{t('credit.attestations')}</h3>
        {data?.attestations.length ? (
          <table data-testid="credit-attestations">
            <thead>
              <tr>
                <th>{t('credit.claim')}</th>
                <th>{t('credit.verifier')}</th>
                <th>{t('credit.issued')}</th>
                <th>{t('credit.expires')}</th>
                <th>{t('credit.state')}</th>
              </tr>
            </thead>
            <tbody>
              {data.attestations.map((a, i) => (
                <tr key={i}>
                  <td>{t(`claim.${a.claim.type}` as 'claim.KycBasic')}</td>
                  <td className="addr">{a.verifier}</td>
                  <td>{formatDate(a.issued_at)}</td>
                  <td>{formatDate(a.expires_at)}</td>
                  <td>{a.expires_at > now ? t('credit.valid') : t('credit.expired')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p data-testid="credit-attestations-empty">{t('credit.noAttestations')}</p>
        )}
      </section>

      <section className="card">
        <h3>{t('credit.scoreFactors')}</h3>
        <table data-testid="credit-breakdown">
          <tbody>
            {factors.map(([name, v, sign]) => (
              <tr key={name}>
                <td>{name}</td>
                <td className="num">{sign < 0 && v > 0 ? `−${v}` : v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">{t('score.explain')}</p>
      </section>

      <ScoreHistory address={account.address} score={s.score} />

      <section className="card">
        <h3>{t('grants.title')}</h3>
        <p className="hint">{t('grants.hint')}</p>
        {data?.grants.length ? (
          <table data-testid="grants">
            <thead>
              <tr><th>{t('grants.institution')}</th><th>{t('grants.granted')}</th><th>{t('grants.until')}</th><th>{t('credit.state')}</th><th></th></tr>
            </thead>
            <tbody>
              {data.grants.map((g) => (
                <tr key={g.institution} data-testid={`grant-${g.institution}`}>
                  <td className="addr">{g.institution}{g.collection ? ` (${t('grants.collection')})` : ''}</td>
                  <td>{formatDate(g.granted_at)}</td>
                  <td>{formatDate(g.until)}</td>
                  <td>{g.active ? t('credit.valid') : t('credit.expired')}</td>
                  <td>
                    {!g.collection && (
                      <TxButton id="grant-revoke" label={t('grants.revoke')} build={() => api.tx.CreditRecords.revoke_access({ institution: g.institution })} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p data-testid="grants-empty">{t('grants.none')}</p>
        )}
        <div className="form">
          <label>{t('grants.institution')}<input data-testid="grant-institution" value={institution} onChange={(e) => setInstitution(e.target.value)} placeholder="5…" /></label>
          <label>{t('grants.days')}<input data-testid="grant-days" value={grantDays} onChange={(e) => setGrantDays(e.target.value)} /></label>
          <label>{t('grants.envelope')}<input data-testid="grant-envelope" value={envelope} onChange={(e) => setEnvelope(e.target.value)} /></label>
        </div>
        <TxButton
          id="grant-access"
          label={t('grants.grant')}
          disabled={!institution.trim()}
          build={() => {
            const days = Number(grantDays);
            if (!(days > 0)) return t('grants.badDays');
            return api.tx.CreditRecords.grant_access({
              institution: institution.trim(),
              until: now + BigInt(Math.round(days * DAY_MS)),
              key_envelope: new TextEncoder().encode(envelope) as never,
            });
          }}
        />
      </section>

      <ProfileAccesses address={account.address} />

      <section className="card">
        <h3>{t('credit.tiers')}</h3>
        <table>
          <thead>
            <tr><th>{t('credit.tier')}</th><th>{t('credit.minScore')}</th><th>{t('credit.cap')}</th><th>{t('credit.premiumCol')}</th></tr>
          </thead>
          <tbody>
            {data?.tiers.map((row, i) => (
              <tr key={i} className={s.tier === i ? 'current' : ''}>
                <td>{t('credit.tierN', { n: i })}</td>
                <td className="num">{row.min_score}</td>
                <td className="num">{formatAmount(row.exposure_cap, USDX, 0)}</td>
                <td className="num">{formatUnits(BigInt(row.rate_premium_bps), 2)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      </>
      {register}
    </div>
  );
}
