import { scenarios } from './scenarios/index';
import { serveScenarios } from './serve-scenarios';

// A pooled worker running src/sync's scenarios.
serveScenarios(scenarios);
