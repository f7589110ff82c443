/** Debian's Chromium and its flags: one definition for the e2e tests, the bench and the recorder. */
export { chromiumArgs, chromiumPath } from '../scripts/headless.mjs';
