export * as creditRecords from './credit-records/storage'
export * as p2PLoans from './p2p-loans/storage'
