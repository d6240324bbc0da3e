// The initiatives feature's public API (schema, accessors, validation, mutators, dates). Owned by the initiatives feature.
export {
  DESCRIPTION_KEY,
  INITIATIVES_KEY,
  InitiativeStatuses,
  LinkKinds,
  StepStatuses,
  TEXT_FIELDS,
  initiativeDescription,
  initiativeEntry,
  initiativesMap,
  readInitiative,
  readInitiatives,
} from './schema.js';
export type {
  Indicator,
  Initiative,
  InitiativeFields,
  InitiativeStatus,
  LinkKind,
  LinkTarget,
  Member,
  Step,
  StepStatus,
  TextField,
} from './schema.js';
export {
  BUDGET_MAX,
  parseLocaleNumber,
  validateIndicator,
  validateInitiativeFields,
  validateLinkTarget,
  validateMemberName,
  validateStep,
} from './initiativeValidation.js';
export type { IndicatorInput, StepInput } from './initiativeValidation.js';
export {
  addMember,
  createInitiative,
  linkInitiative,
  removeInitiative,
  removeMember,
  unlinkInitiative,
  updateInitiative,
} from './mutators.js';
export type { CreateInitiativeInput } from './mutators.js';
export { addIndicator, addStep, removeIndicator, removeStep, updateIndicator, updateStep } from './listMutators.js';
export type { ListWriteContext } from './listMutators.js';
export {
  addMonths,
  dateOfDayNumber,
  dayNumber,
  fractionOfRange,
  isDateInRange,
  isIsoDate,
  localToday,
  rangeBounds,
  resizeSpanEnd,
  shiftSpan,
  yearOfDate,
} from './dates.js';
export type { DateSpan } from './dates.js';
export { sectionCoverage } from './coverage.js';
export type { SectionCoverage } from './coverage.js';
