export enum CreditProduct {
    Pools = "Pools",
    P2pLoans = "P2pLoans",
    SmeFinance = "SmeFinance",
}
