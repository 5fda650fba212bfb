export enum OverdueProduct {
    P2pLoan = "P2pLoan",
    CreditLine = "CreditLine",
    Recourse = "Recourse",
}
