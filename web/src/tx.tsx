// One button per transaction: fee estimate before signing, progress (signing → in block →
// finalized), and the dispatch error as a sentence on failure.

import type { PolkadotSigner, Transaction } from 'polkadot-api';
import { useState } from 'react';

import type { Account } from './accounts';
import { useApp } from './ctx';
import { errorKey, errorSentence } from './errors';
import { NATIVE, formatAmount } from './units';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTx = Transaction<any, any>;

type Phase =
  | { k: 'idle' }
  | { k: 'estimating' }
  | { k: 'confirm'; fee: bigint; tx: AnyTx }
  | { k: 'signing' }
  | { k: 'broadcast' }
  | { k: 'inBlock'; block: number }
  | { k: 'finalized'; block: number }
  | { k: 'failed'; message: string; key: string };

export interface TxButtonProps {
  /** Button text. */
  label: string;
  /** Prefix of the data-testid attributes of the button and its panel. */
  id: string;
  /** Builds the transaction; returns a message key's text when the input is invalid. */
  build: () => AnyTx | string;
  /** Shown in the confirmation step (e.g. a health-factor warning). */
  warning?: string;
  /** Sign as this account instead of the selected one (dev tools: a feeder, the sudo key). */
  as?: Account;
  /** A sudo call: the inner call's result decides success. */
  sudo?: boolean;
  disabled?: boolean;
  onDone?: () => void;
}

/** Signs and submits `tx`, reporting progress; resolves with the error key or null. */
function run(tx: AnyTx, signer: PolkadotSigner, sudo: boolean, on: (p: Phase) => void, lang: 'en' | 'zh'): void {
  on({ k: 'signing' });
  let inBlockSeen = false;
  const sub = tx.signSubmitAndWatch(signer).subscribe({
    next: (ev) => {
      if (ev.type === 'signed' || ev.type === 'broadcasted') {
        if (!inBlockSeen) on({ k: 'broadcast' });
        return;
      }
      if (ev.type === 'txBestBlocksState' && !ev.found) return;
      // In a block (best or finalized): did it succeed?
      let errKey: string | null = null;
      if (!ev.ok) errKey = errorKey(ev.dispatchError);
      else if (sudo) {
        const sudid = ev.events.find((e) => e.type === 'Sudo' && e.value.type === 'Sudid');
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const res = (sudid?.value as any)?.value?.sudo_result;
        if (res && res.success === false) errKey = errorKey(res.value);
      }
      if (errKey) {
        on({ k: 'failed', key: errKey, message: errorSentence(errKey, lang) });
        sub.unsubscribe();
        return;
      }
      if (ev.type === 'finalized') {
        on({ k: 'finalized', block: ev.block.number });
        sub.unsubscribe();
      } else {
        inBlockSeen = true;
        on({ k: 'inBlock', block: ev.block.number });
      }
    },
    error: (e: unknown) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const err = e as any;
      let key = 'Unknown';
      if (err?.error) key = errorKey(err.error);
      else if (/cancel|reject/i.test(String(err?.message ?? err))) key = 'Cancelled';
      const message = key === 'Unknown' ? String(err?.message ?? err) : errorSentence(key, lang);
      on({ k: 'failed', key, message });
    },
  });
}

export function TxButton({ label, id, build, warning, as, sudo = false, disabled, onDone }: TxButtonProps) {
  const { account, t, lang, logTx } = useApp();
  const signer = as ?? account;
  const [phase, setPhase] = useState<Phase>({ k: 'idle' });
  const busy = ['estimating', 'signing', 'broadcast', 'inBlock'].includes(phase.k);

  async function start() {
    if (!signer) {
      setPhase({ k: 'failed', key: 'NoAccount', message: t('tx.noAccount') });
      return;
    }
    const tx = build();
    if (typeof tx === 'string') {
      setPhase({ k: 'failed', key: 'Input', message: tx });
      return;
    }
    setPhase({ k: 'estimating' });
    try {
      const fee = await tx.getEstimatedFees(signer.address);
      setPhase({ k: 'confirm', fee, tx });
    } catch (e) {
      setPhase({ k: 'failed', key: 'Fee', message: `${t('tx.feeFailed')} ${String((e as Error)?.message ?? e)}` });
    }
  }

  function describe(p: Phase): string {
    switch (p.k) {
      case 'signing': return t('tx.signing');
      case 'broadcast': return t('tx.broadcast');
      case 'inBlock': return t('tx.inBlock', { n: p.block });
      case 'finalized': return t('tx.finalized', { n: p.block });
      case 'failed': return p.message;
      default: return '';
    }
  }

  function confirm() {
    if (phase.k !== 'confirm' || !signer) return;
    const at = Date.now();
    run(phase.tx, signer.signer, sudo, (p) => {
      // The log outlives this button (a paid loan's or a revoked grant's button goes with it).
      logTx({ id, label, state: p.k, message: describe(p), error: p.k === 'failed' ? p.key : undefined, at });
      setPhase(p);
      if (p.k === 'finalized') onDone?.();
    }, lang);
  }

  let status: string | null = null;
  switch (phase.k) {
    case 'estimating': status = t('tx.estimating'); break;
    case 'signing': status = t('tx.signing'); break;
    case 'broadcast': status = t('tx.broadcast'); break;
    case 'inBlock': status = t('tx.inBlock', { n: phase.block }); break;
    case 'finalized': status = t('tx.finalized', { n: phase.block }); break;
    case 'failed': status = phase.message; break;
    default: break;
  }

  return (
    <span className="tx">
      <button data-testid={`${id}-btn`} disabled={disabled || busy} onClick={start}>
        {label}
      </button>
      {phase.k === 'confirm' && (
        <span className="tx-confirm" data-testid={`${id}-confirm`}>
          <span data-testid={`${id}-fee`}>{t('tx.fee', { fee: formatAmount(phase.fee, NATIVE, 6) })}</span>
          {as && <span> · {t('tx.signedBy', { name: as.name })}</span>}
          {warning && <span className="warn" data-testid={`${id}-warning`}> {warning}</span>}
          <button data-testid={`${id}-sign`} onClick={confirm}>{t('tx.sign')}</button>
          <button className="secondary" onClick={() => setPhase({ k: 'idle' })}>{t('tx.cancel')}</button>
        </span>
      )}
      {status && (
        <span
          className={`tx-status ${phase.k === 'failed' ? 'error' : phase.k === 'finalized' ? 'ok' : ''}`}
          data-testid={`${id}-status`}
          data-state={phase.k}
          data-error={phase.k === 'failed' ? phase.key : undefined}
        >
          {status}
        </span>
      )}
    </span>
  );
}
