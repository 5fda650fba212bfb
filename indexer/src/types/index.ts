export * as v105 from './v105'
export * as events from './events'
export * as storage from './storage'
