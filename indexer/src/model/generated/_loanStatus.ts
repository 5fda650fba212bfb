export enum LoanStatus {
    Funding = "Funding",
    Active = "Active",
    Closed = "Closed",
    Defaulted = "Defaulted",
    Liquidated = "Liquidated",
    Cancelled = "Cancelled",
    Expired = "Expired",
}
