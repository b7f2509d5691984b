// Parser for Solomon's VRPTW benchmark files (1987): a name line, a VEHICLE section with the fleet
// size and capacity, then a CUSTOMER section of rows "no x y demand ready due service", the first
// row being the depot. Pure text in, data out: reading files is the caller's business.

export interface SolomonCustomer {
  /** Customer number as written in the file (0 = depot). */
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly demand: number;
  readonly ready: number;
  readonly due: number;
  readonly service: number;
}

export interface SolomonInstance {
  readonly name: string;
  readonly vehicleCount: number;
  readonly capacity: number;
  /** The depot, as given in the first customer row. */
  readonly depot: SolomonCustomer;
  readonly customers: readonly SolomonCustomer[];
}

export class SolomonFormatError extends Error {
  override readonly name = 'SolomonFormatError';
}

export function parseSolomon(text: string): SolomonInstance {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const name = lines.find((line) => line.length > 0);
  if (!name) throw new SolomonFormatError('empty file');

  const vehicleHeader = lines.findIndex((line) => /^VEHICLE\b/i.test(line));
  const customerHeader = lines.findIndex((line) => /^CUSTOMER\b/i.test(line));
  if (vehicleHeader < 0 || customerHeader < 0 || customerHeader < vehicleHeader) {
    throw new SolomonFormatError('missing VEHICLE or CUSTOMER section');
  }
  const fleetLine = lines.slice(vehicleHeader + 1, customerHeader).find((line) => /^[\d.\s]+$/.test(line) && line.length > 0);
  const fleet = fleetLine ? numbers(fleetLine) : [];
  if (fleet.length !== 2 || !Number.isInteger(fleet[0]) || fleet[0] <= 0 || !(fleet[1] > 0)) {
    throw new SolomonFormatError('VEHICLE section must give a positive vehicle number and capacity');
  }

  const rows: SolomonCustomer[] = [];
  for (let i = customerHeader + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.length === 0 || /[a-z]/i.test(line)) continue; // blank lines and column titles
    const values = numbers(line);
    if (values.length !== 7 || values.some((value) => !Number.isFinite(value))) {
      throw new SolomonFormatError(`line ${i + 1}: expected 7 numbers, got "${line}"`);
    }
    const [id, x, y, demand, ready, due, service] = values;
    if (!Number.isInteger(id) || id < 0) throw new SolomonFormatError(`line ${i + 1}: bad customer number ${id}`);
    if (demand < 0 || service < 0 || ready > due) throw new SolomonFormatError(`line ${i + 1}: inconsistent customer ${id}`);
    rows.push({ id, x, y, demand, ready, due, service });
  }
  if (rows.length < 2) throw new SolomonFormatError('need a depot and at least one customer');
  const [depot, ...customers] = rows;
  if (depot.id !== 0) throw new SolomonFormatError('the first customer row must be the depot (number 0)');
  const seen = new Set<number>();
  for (const customer of customers) {
    if (customer.id === 0 || seen.has(customer.id)) throw new SolomonFormatError(`duplicate customer number ${customer.id}`);
    seen.add(customer.id);
  }
  return { name, vehicleCount: fleet[0], capacity: fleet[1], depot, customers };
}

function numbers(line: string): number[] {
  return line.split(/\s+/).filter((token) => token.length > 0).map(Number);
}
