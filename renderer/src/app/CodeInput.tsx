import type { InputHTMLAttributes } from 'react';

/**
 * A text box for codes, paths and zone names typed exactly (Europe/Berlin, eng+ron, /evidence/…):
 * monospaced, never spell-checked or auto-completed, which would "correct" them.
 */
export function CodeInput({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input type="text" spellCheck={false} autoComplete="off" {...props} className={className === undefined ? 'mono' : `mono ${className}`} />;
}
