/** Ends an exhaustive switch: adding a message type without handling it fails to compile. */
export function assertNever(value: never, what = 'value'): never {
  const shown = typeof value === 'object' && value !== null && 'type' in value ? String((value as { type: unknown }).type) : String(value);
  throw new UnhandledMessageError(`Unhandled ${what}: ${shown}`);
}

export class UnhandledMessageError extends Error {}
