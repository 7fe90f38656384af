/**
 * Every scenario of `npm run bench`, in the order they run. A new scenario is one line here (and
 * its file beside this one); one that uses another's results names it in `needs`.
 */
import type { Scenario } from '../scenario.js';
import { scenarioA } from './a.js';
import { scenarioAPrime } from './a-prime.js';
import { scenarioB } from './b.js';
import { scenarioC } from './c.js';
import { scenarioCPrime } from './c-prime.js';
import { scenarioD } from './d.js';
import { scenarioE } from './e.js';
import { scenarioF } from './f.js';
import { scenarioG } from './g.js';
import { scenarioH } from './h.js';
import { scenarioImport } from './import.js';
import { scenarioScaleOut } from './scale-out.js';
import { scenarioScim } from './scim.js';
import { scenarioWebhooks } from './webhooks.js';

export const SCENARIOS: Scenario[] = [
  scenarioA,
  scenarioB,
  scenarioC,
  scenarioCPrime,
  scenarioD,
  scenarioAPrime,
  scenarioE,
  scenarioF,
  scenarioG,
  scenarioH,
  scenarioScim,
  scenarioScaleOut,
  scenarioImport,
  scenarioWebhooks,
];
