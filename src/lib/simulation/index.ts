/** Seeded simulation studies of two biases: immortal time, and selection by follow-up criteria. */
export { simulateImmortalTime } from "./simulate-immortal-time";
export type {
  ImmortalTimeMethodSummary,
  ImmortalTimeSimulationOptions,
  ImmortalTimeSimulationResult,
  ImmortalTimeStudy,
  TreatmentDelay,
} from "./simulate-immortal-time";
export { simulateSelection } from "./simulate-selection";
export type {
  FollowUpRule,
  SelectionSimulationOptions,
  SelectionSimulationResult,
  SelectionSummary,
} from "./simulate-selection";
