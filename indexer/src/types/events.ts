export * as creditRecords from './credit-records/events'
export * as liquidityPools from './liquidity-pools/events'
export * as p2PLoans from './p2p-loans/events'
export * as smeFinance from './sme-finance/events'
