// Public entry of the assessment rules. Everything here is pure: no clock, no I/O, no framework.
// Parsing helpers (answer-parsing.ts) and the level-change engine stay internal.

export type { AssessmentOutcome, AssessmentProblem, AssessmentProblemCode, AssessmentValidation } from './assessment-problem';
export { formatAssessmentProblems } from './assessment-problem';

export type { Instrument, InstrumentResult, LevelChange, LevelChangeSuppression, SuppressedLevelChange } from './instrument';
export type { AssessmentEvaluation, EvaluationContext, RegisteredInstrument } from './instrument-registry';
export { ASSESSMENT_INSTRUMENTS, evaluateAssessment, findAssessmentInstrument } from './instrument-registry';

export type { LevelChangePolicy, StackingPolicy } from './level-changes';
export { DEFAULT_LEVEL_CHANGE_POLICY } from './level-changes';
export type { RiskEventCounting, RiskEventType } from './risk-events';
export { RISK_EVENT_TYPE_NAMES } from './risk-events';
export type { Diagnosis, MentalDiagnosisClass } from './diagnoses';
export { classifyMentalDiagnosis, isIcd10Code } from './diagnoses';

export type { GbtDomainCode, GbtItemCode } from './gbt-42195-2022-items';
export { GBT_DOMAINS, GBT_ITEMS, GBT_ITEM_CODES } from './gbt-42195-2022-items';
export type { GbtAnswers, GbtDomainResult, GbtFlags, GbtLevel, GbtLevelDefinition, GbtResult } from './gbt-42195-2022';
export {
  GBT_42195_2022_ID,
  GBT_LEVELS,
  gbt42195Instrument,
  gbtEatingScore,
  gbtItemScore,
  gbtLevelName,
  gbtPreliminaryLevel,
  isGbtResult,
} from './gbt-42195-2022';

export type { MztGrade, MztGrading } from './mzt-039-2013-grades';
export type { MztDomainGrades, MztLevel, MztMatrixOutcome } from './mzt-039-2013-matrix';
export type { MztAnswers, MztFlags, MztItemCode, MztResult } from './mzt-039-2013';
export { MZT_039_2013_ID, MZT_ITEMS, MZT_LEVEL_NAMES, mzt039Instrument } from './mzt-039-2013';

export type { BarthelAnswers, BarthelBands, BarthelItemCode, BarthelResult, BarthelShahBand, BarthelWst431Band } from './barthel';
export { BARTHEL_ID, BARTHEL_ITEMS, barthelBands, barthelFeedingScore, barthelInstrument } from './barthel';

export type { LawtonAnswers, LawtonDomainCode, LawtonPolicy, LawtonResult } from './lawton-iadl';
export { LAWTON_DOMAINS, LAWTON_IADL_ID, lawtonIadlInstrument } from './lawton-iadl';

export type { ShanghaiCareLevel, ShanghaiCareNeedsRecord, ShanghaiCareNeedsValidation, ShanghaiCareOutcome, ShanghaiRecordStatus } from './shanghai-care-needs';
export {
  SHANGHAI_CARE_NEEDS_ID,
  SHANGHAI_CARE_OUTCOMES,
  shanghaiRecordStatusOn,
  validateShanghaiCareNeedsRecord,
} from './shanghai-care-needs';
