import type { SourceParser } from '../../shared/contracts/parsed-source.ts';
import { whatsappTextParser } from './whatsapp/index.ts';

/**
 * Every importer Threadline has, in the order format detection asks them. More specific
 * formats come first so a generic sniff cannot claim their files.
 */
export const PARSERS: readonly SourceParser[] = [whatsappTextParser];

export function parserFor(format: string): SourceParser | undefined {
  return PARSERS.find((parser) => parser.format === format);
}
