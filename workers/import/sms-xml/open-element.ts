/**
 * What the SMS backup reader holds of the root's child it is reading (one `<sms>`, `<mms>` or
 * `<call>` with its parts and addrs), and of a fault that stopped the read.
 */

import type { MmsPart } from './records.ts';

export interface Fault {
  line: number;
  column: number;
  message: string;
}

export interface OpenElement {
  name: string;
  index: number;
  line: number;
  column: number;
  /** Position (in characters fed to saxes) of the element's '<'. */
  start: number;
  attributes: Record<string, string> | null;
  parts: MmsPart[];
  addrs: Record<string, string>[];
  /** Attributes written more than once in it or its parts/addrs: saxes keeps the last value, the earlier ones are kept here. */
  repeated: RepeatedAttribute[];
}

export interface RepeatedAttribute {
  element: string;
  name: string;
  /** Every value written, in order; the last is the one read. */
  values: string[];
}

/** Attributes a tag writes more than once, with every value in order. */
export function repeatedIn(element: string, attributes: readonly { name: string; value: string }[]): RepeatedAttribute[] {
  const values = new Map<string, string[]>();
  for (const { name, value } of attributes) {
    const written = values.get(name);
    if (written === undefined) values.set(name, [value]);
    else written.push(value);
  }
  return [...values].filter(([, written]) => written.length > 1).map(([name, written]) => ({ element, name, values: written }));
}
