// The time map feature's public API (schema, accessors, mutators, validation). Owned by the time map feature.
export { QUARTERS, TIME_MAP_KEYS, cardsMap, lanesMap, linksMap, readLanes, readTimeMap } from './schema.js';
export type { Lane, Quarter, TimeMap, TimeMapCard, TimeMapLink } from './schema.js';
export {
  addCard,
  addLane,
  addLink,
  moveLane,
  removeCard,
  removeLane,
  removeLink,
  renameLane,
  updateCard,
} from './mutators.js';
export type { CardPatch, WriteContext } from './mutators.js';
export { CARD_TEXT_MAX, LANE_TITLE_MAX, validateCard, validateLaneTitle } from './timeMapValidation.js';
export type { CardInput } from './timeMapValidation.js';
export {
  IssueCodes,
  LONG_TEXT_MAX,
  SHORT_TEXT_MAX,
  SchemaValidationError,
  assertValid,
  isYearInRange,
  yearRangeOf,
  yearsOf,
} from './validation.js';
export type { IssueCode, ValidationIssue, YearRange } from './validation.js';
export { seedTimeMap } from './seed.js';
