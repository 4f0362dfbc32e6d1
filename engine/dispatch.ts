import type { Envelope } from '../shared/errors.ts';
import { AppError, serializeError } from '../shared/errors.ts';
import type { Channel, ResponseOf } from '../shared/ipc/contract.ts';
import { isChannel, requestSchemas } from '../shared/ipc/contract.ts';
import type { EngineHandlers } from './engine.ts';

/**
 * The one entry point both transports (Electron IPC, loopback HTTP) use: checks the channel,
 * validates the payload against the contract's schema, runs the handler and wraps the outcome
 * in an envelope (Electron keeps only error.message across invoke, so errors travel as data).
 */
export async function dispatch(handlers: EngineHandlers, channel: unknown, payload: unknown): Promise<Envelope<ResponseOf<Channel>>> {
  try {
    if (!isChannel(channel)) throw new AppError('E_INVALID_REQUEST', `Unknown channel ${JSON.stringify(channel)}`);
    const parsed = requestSchemas[channel].safeParse(payload ?? {});
    if (!parsed.success) throw new AppError('E_INVALID_REQUEST', `Invalid request for ${channel}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`).join('; ')}`);
    const handler = handlers[channel] as (request: unknown) => Promise<ResponseOf<Channel>>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    const serialized = serializeError(error);
    delete serialized.stack; // stacks stay in the engine's process; the UI gets code and message
    return { ok: false, error: serialized };
  }
}
