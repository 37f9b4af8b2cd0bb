/** The worklist slice (issue 13): the customers ranked for the collector, and the score that ranks them. */
export { CONTACT_EVENT_TYPES, listWorklist, type WorklistInput } from './list';
export { agingWeight, type ScoreInput, worklistScore } from './score';
