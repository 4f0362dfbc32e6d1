import { describe, expect, it } from 'vitest';
import { benchScriptArguments } from '../../../cli/commands/bench-command.ts';

describe('threadline bench', () => {
  it('hands the suite and the contract flags to the benchmark script', () => {
    expect(benchScriptArguments('import', { messages: 1000, json: true })).toEqual(['import', '--messages', '1000', '--json']);
    expect(benchScriptArguments('hash', {})).toEqual(['hash']);
    expect(benchScriptArguments('import', { runs: 5 })).toEqual(['import', '--runs', '5']);
  });
});
