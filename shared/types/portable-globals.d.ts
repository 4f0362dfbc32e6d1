/**
 * The few web-standard globals that every runtime Threadline's shared code runs in provides
 * (Node 20, Chromium, Electron's renderer and main). shared/ is compiled with lib ES2022 and no
 * @types so that neither DOM nor Node APIs can creep in; these minimal declarations are the
 * deliberate exceptions. Only shared/tsconfig.json includes this file: the Node and DOM layers
 * get the full declarations from their own libs.
 */
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare var AbortController: { new (): AbortController; prototype: AbortController };

interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare var TextEncoder: { new (): TextEncoder; prototype: TextEncoder };

interface TextDecoder {
  decode(input?: Uint8Array): string;
}
declare var TextDecoder: { new (): TextDecoder; prototype: TextDecoder };
