export { idNumberLookupHash } from './id-number-lookup';
export { readResidentIdNumber, ResidentIdFacts, withCheckCharacter } from './resident-id-number';
