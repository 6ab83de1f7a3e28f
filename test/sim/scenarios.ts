import { buildBasic } from './scenarios/basic';
import { buildDemo } from './scenarios/demo';
import { buildEmpty } from './scenarios/empty';
import { buildScale } from './scenarios/scale';
import type { SimStore } from './store';

export const SCENARIOS = { demo: buildDemo, scale: buildScale, basic: buildBasic, empty: buildEmpty } satisfies Record<string, (store: SimStore) => void>;
export type ScenarioName = keyof typeof SCENARIOS;

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(SCENARIOS, name);
}
