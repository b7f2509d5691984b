export { readResidentIdNumber, ResidentIdFacts, withCheckCharacter } from './resident-id-number';
