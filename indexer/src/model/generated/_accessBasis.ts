export enum AccessBasis {
    Grant = "Grant",
    Collection = "Collection",
}
