export enum CreditEventKind {
    Borrowed = "Borrowed",
    Repaid = "Repaid",
    Defaulted = "Defaulted",
}
