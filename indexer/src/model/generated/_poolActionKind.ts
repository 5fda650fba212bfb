export enum PoolActionKind {
    Deposit = "Deposit",
    Withdrawal = "Withdrawal",
    Borrow = "Borrow",
    Repayment = "Repayment",
}
