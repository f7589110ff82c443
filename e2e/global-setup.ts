import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium';

export default function globalSetup() {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is missing at ${chromiumPath}. Install Debian's build with ` +
        '`sudo apt-get update && sudo apt-get install -y chromium` (or set CHROMIUM_PATH), then rerun `npm test`.',
    );
  }
  if (!existsSync('dist/index.html')) {
    throw new Error(
      'The built app is missing: run `npm run build` first (`npm test` does it for you).',
    );
  }
}
