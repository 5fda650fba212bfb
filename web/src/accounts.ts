// Accounts: browser extension wallets through the injected-accounts interface (polkadot{.js},
// Talisman, SubWallet …) and, on a development or local chain, the well-known dev accounts signed
// in the page (their keys are public: //Alice … //Ferdie of the dev phrase).

import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_MINI_SECRET, ss58Address } from '@polkadot-labs/hdkd-helpers';
import type { PolkadotSigner } from 'polkadot-api';
import { connectInjectedExtension, getInjectedExtensions } from 'polkadot-api/pjs-signer';
import { getPolkadotSigner } from 'polkadot-api/signer';

export interface Account {
  address: string;
  name: string;
  /** 'dev' for a dev key, else the extension's name. */
  source: string;
  signer: PolkadotSigner;
}

export const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'] as const;

let derive: ReturnType<typeof sr25519CreateDerive> | undefined;

/** The sr25519 dev account `//Name` (the same keys as `--dev`'s and the e2e suite's). */
export function devAccount(name: string, ss58 = 42): Account {
  derive ??= sr25519CreateDerive(DEV_MINI_SECRET);
  const kp = derive(`//${name}`);
  return {
    address: ss58Address(kp.publicKey, ss58),
    name,
    source: 'dev',
    signer: getPolkadotSigner(kp.publicKey, 'Sr25519', kp.sign),
  };
}

export function devAccounts(ss58 = 42): Account[] {
  return DEV_NAMES.map((n) => devAccount(n, ss58));
}

/** Names of the extensions that injected themselves into the page. */
export function extensionNames(): string[] {
  try {
    return getInjectedExtensions();
  } catch {
    return [];
  }
}

/** Connects an extension (it asks the person) and returns its accounts. */
export async function extensionAccounts(name: string, ss58 = 42): Promise<Account[]> {
  const ext = await connectInjectedExtension(name, 'Xindai');
  return ext.getAccounts().map((a) => ({
    address: ss58Address(a.polkadotSigner.publicKey, ss58),
    name: a.name ?? a.address.slice(0, 8),
    source: name,
    signer: a.polkadotSigner,
  }));
}
