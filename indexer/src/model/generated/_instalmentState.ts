export enum InstalmentState {
    Due = "Due",
    Paid = "Paid",
    PaidLate = "PaidLate",
}
