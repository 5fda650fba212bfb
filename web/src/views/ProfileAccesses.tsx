// Who read my off-chain profile: every CreditRecords.ProfileAccessed naming this account, from the
// indexer (the chain keeps only the events, no list), with the consent each read used. Without a
// GraphQL URL it says the indexer is not connected.

import { useApp } from '../ctx';
import type { MsgKey } from '../i18n';
import { PROFILE_ACCESSES, type ProfileAccessRow } from '../indexer';
import { formatDate, formatDateTime } from '../units';
import { useIndexer } from './ScoreHistory';

/** The consent a read used, as a sentence: the owner's grant, a collection case, or unknown. */
export function accessBasisText(r: ProfileAccessRow, t: (key: MsgKey, params?: Record<string, string | number>) => string): string {
  const until = r.until ? formatDate(Date.parse(r.until)) : '—';
  if (r.basis === 'Grant') return t('access.byGrant', { until });
  if (r.basis === 'Collection') {
    const product = r.collection ? t(`access.product.${r.collection.product}` as MsgKey) : '';
    return t('access.byCollection', { product, id: r.collection?.caseId ?? '?', until });
  }
  return t('access.byUnknown');
}

export function ProfileAccesses({ address }: { address: string }) {
  const { t } = useApp();
  const { url, data, error } = useIndexer<{ profileAccesses: ProfileAccessRow[]; profileAccessesConnection: { totalCount: number } }>(
    PROFILE_ACCESSES,
    { id: address },
    [address],
  );
  const rows = data?.profileAccesses ?? [];
  let body;
  if (!url) body = <p className="hint" data-testid="accesses-not-connected">{t('access.notConnected')}</p>;
  else if (error && !data) body = <p className="warn" data-testid="accesses-failed">{t('access.failed', { error })}</p>;
  else if (!data) body = <p>{t('common.loading')}</p>;
  else if (rows.length === 0) body = <p data-testid="accesses-empty">{t('access.none')}</p>;
  else {
    body = (
      <>
        <table data-testid="accesses">
          <thead>
            <tr><th>{t('access.who')}</th><th>{t('access.when')}</th><th>{t('access.basis')}</th><th className="num">{t('hist.block')}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="access-row" data-institution={r.institution.id} data-basis={r.basis ?? ''}>
                <td className="addr">{r.institution.id}</td>
                <td>{formatDateTime(Date.parse(r.at))}</td>
                <td>{accessBasisText(r, t)}</td>
                <td className="num">#{r.block}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {data.profileAccessesConnection.totalCount > rows.length && (
          <p className="hint">{t('access.more', { n: rows.length, total: data.profileAccessesConnection.totalCount })}</p>
        )}
      </>
    );
  }
  return (
    <section className="card" data-testid="profile-accesses">
      <h3>{t('access.title')}</h3>
      {body}
    </section>
  );
}
