import { serveScenarios } from '../../sync/testing/serve-scenarios';
import { gilScenarios } from './gil-scenarios';

// A pooled worker running the GIL's scenarios (gil.node.test.ts).
serveScenarios(gilScenarios);
