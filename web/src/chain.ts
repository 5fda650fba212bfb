// The connection to a Xindai node: a polkadot-api client with the descriptors generated from the
// runtime's metadata (.papi/metadata/xindai.scale, see README.md "Regenerating the descriptors").

import { xindai } from '@polkadot-api/descriptors';
import { createClient, type PolkadotClient, type TypedApi } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';

export type XindaiApi = TypedApi<typeof xindai>;

/**
 * The node's websocket URL: `?rpc=ws://…` in the page's address, else VITE_XINDAI_WS at build time,
 * else the dev chain's default.
 */
export function endpoint(search: string = typeof location === 'undefined' ? '' : location.search): string {
  const fromQuery = new URLSearchParams(search).get('rpc');
  if (fromQuery && /^wss?:\/\//.test(fromQuery)) return fromQuery;
  const fromEnv = import.meta.env?.VITE_XINDAI_WS as string | undefined;
  return fromEnv || 'ws://127.0.0.1:9944';
}

export interface Chain {
  url: string;
  client: PolkadotClient;
  api: XindaiApi;
  /** `Development`, `Local`, `Live` … (system_chainType): dev accounts show only on the first two. */
  chainType: string;
  ss58: number;
}

export async function connect(url: string): Promise<Chain> {
  const client = createClient(getWsProvider(url));
  const api = client.getTypedApi(xindai);
  const [chainType, props] = await Promise.all([
    client._request<unknown>('system_chainType', []),
    client._request<{ ss58Format?: number }>('system_properties', []),
  ]);
  const type = typeof chainType === 'string' ? chainType : Object.keys(chainType as object)[0] ?? 'Live';
  return { url, client, api, chainType: type, ss58: props?.ss58Format ?? 42 };
}
