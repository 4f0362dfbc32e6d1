import { describe, expect, it } from 'vitest';
import { XmlPrefilter } from '../../../../../workers/import/sms-xml/xml-prefilter.ts';

/**
 * Regression: the prefilter looked for the next comment from every CDATA section to the end of
 * the text it was given when none was left (a Cellebrite report has CDATA for every string and no
 * comment), in time growing with the square of the text: 20,000 sections in 0.55 MB took 2.9 s,
 * 40,000 in 1.1 MB about four times that; now about 15 and 30 ms. The bound below is far above
 * the linear time, even on a loaded machine, and far below the quadratic one.
 */
describe('the XML prefilter given one text of many CDATA sections and no comment', () => {
  it('escapes it in time that grows with its length, not its square, and leaves the sections as written', () => {
    const body = Array.from({ length: 40_000 }, (_, index) => `<v><![CDATA[a & b ${index}]]></v>`).join('');
    const text = `<?xml version="1.0"?>\n<r>${body}<w>bare & here</w></r>`;
    const prefilter = new XmlPrefilter();
    const started = performance.now();
    const out = prefilter.push(text) + prefilter.end();
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(2);
    // The '&'s inside CDATA are text; the one outside is escaped and counted.
    expect(prefilter.bareAmpersands).toBe(1);
    expect(out).toBe(text.replace('bare & here', 'bare &amp; here'));
  });
});
