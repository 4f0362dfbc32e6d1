// Runs `threadline ocr <args>` for tests. Until cli/main.ts registers the ocr command this calls
// runOcr directly with the same flags; once it is registered it goes through the real CLI.
import { readFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const args = process.argv.slice(2);
const mainSource = readFileSync(new URL('../../cli/main.ts', import.meta.url), 'utf8');
if (mainSource.includes('runOcr')) {
  const { main } = await import('../../cli/main.ts');
  process.exitCode = await main(['ocr', ...args]);
} else {
  const { runOcr } = await import('../../cli/commands/ocr-command.ts');
  const options = {};
  const images = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--json') options.json = true;
    else if (arg === '--lang') options.lang = args[++index];
    else if (arg === '--tessdata') options.tessdata = args[++index];
    else images.push(arg);
  }
  process.exitCode = await runOcr(images, options);
}
