export { type ApplicantNeeds, BED_APPLICATION_KINDS, type BedApplicationKind, bedMisfits, type BedOnOffer } from './bed-fit';
export { DEFAULT_PRIORITY_RULES, DEFAULT_PRIORITY_RULES_VERSION, type PriorityRules, type PriorityRulesProblem, validatePriorityRules } from './priority-rules';
export { type Applicant, type ApplicantScore, compareRankings, fullMonthsBetween, type PositionChange, rankApplicants, type RankedApplicant, scoreApplicant, type ScorePart } from './priority-score';
