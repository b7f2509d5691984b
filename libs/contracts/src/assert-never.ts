/** Ends an exhaustive switch: adding a message type without handling it fails to compile. */
export function assertNever(value: never, what = 'value'): never {
  throw new UnhandledMessageError(`Unhandled ${what}: ${String(value)}`);
}

export class UnhandledMessageError extends Error {}
