import { checkSolomonSolution } from './solomon-check';
import { SolomonFormatError, parseSolomon } from './solomon-format';
import { solomonToRoutingProblem } from './solomon-problem';
import { solve } from './solve';

// The first 25 customers of Solomon's R101 (tight windows, capacity 200), CRLF line ends as in the originals.
const R101_25 = [
  'R101_25',
  '',
  'VEHICLE',
  'NUMBER     CAPACITY',
  '  25         200',
  '',
  'CUSTOMER',
  'CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME',
  ' ',
  '    0          35      35           0       0         230           0',
  '    1          41      49          10     161         171          10',
  '    2          35      17           7      50          60          10',
  '    3          55      45          13     116         126          10',
  '    4          55      20          19     149         159          10',
  '    5          15      30          26      34          44          10',
  '    6          25      30           3      99         109          10',
  '    7          20      50           5      81          91          10',
  '    8          10      43           9      95         105          10',
  '    9          55      60          16      97         107          10',
  '   10          30      60          16     124         134          10',
  '   11          20      65          12      67          77          10',
  '   12          50      35          19      63          73          10',
  '   13          30      25          23     159         169          10',
  '   14          15      10          20      32          42          10',
  '   15          30       5           8      61          71          10',
  '   16          10      20          19      75          85          10',
  '   17           5      30           2     157         167          10',
  '   18          20      40          12      87          97          10',
  '   19          15      60          17      76          86          10',
  '   20          45      65           9     126         136          10',
  '   21          45      20          11      62          72          10',
  '   22          45      10          18      97         107          10',
  '   23          55       5          29      68          78          10',
  '   24          65      35           3     153         163          10',
  '   25          65      20           6     172         182          10',
].join('\r\n');

describe('parseSolomon', () => {
  it('reads the fleet, the depot and the customers', () => {
    const instance = parseSolomon(R101_25);
    expect(instance.name).toBe('R101_25');
    expect(instance.vehicleCount).toBe(25);
    expect(instance.capacity).toBe(200);
    expect(instance.depot).toEqual({ id: 0, x: 35, y: 35, demand: 0, ready: 0, due: 230, service: 0 });
    expect(instance.customers).toHaveLength(25);
    expect(instance.customers[24]).toEqual({ id: 25, x: 65, y: 20, demand: 6, ready: 172, due: 182, service: 10 });
  });

  it.each([
    ['an empty file', ''],
    ['a file without sections', 'R101\n1 2 3'],
    ['a row with six numbers', R101_25.replace('    1          41      49          10     161         171          10', '1 41 49 10 161 171')],
    ['a window that closes before it opens', R101_25.replace('161         171', '171         161')],
    ['a duplicated customer', R101_25.replace('    2          35      17', '    1          35      17')],
    ['a missing fleet line', R101_25.replace('  25         200', '')],
  ])('rejects %s', (_label, text) => {
    expect(() => parseSolomon(text)).toThrow(SolomonFormatError);
  });
});

describe('checkSolomonSolution', () => {
  const instance = parseSolomon(R101_25);

  it('flags missing and repeated customers, late arrivals and overloads', () => {
    const everyoneAlone = instance.customers.map((customer) => [customer.id]);
    expect(checkSolomonSolution(instance, everyoneAlone).feasible).toBe(true);
    expect(checkSolomonSolution(instance, everyoneAlone.slice(1)).violations).toContain('customer 1 visited 0 times');
    expect(checkSolomonSolution(instance, [...everyoneAlone, [3]]).violations).toContain('customer 3 visited 2 times');
    // 25 (ready 172) before 14 (due 42) is hopelessly late.
    const late = [[25, 14], ...everyoneAlone.filter(([id]) => id !== 25 && id !== 14)];
    expect(checkSolomonSolution(instance, late).violations.join()).toMatch(/customer 14 reached at .* after its due date 42/);
    const overloaded = { ...instance, capacity: 10 };
    expect(checkSolomonSolution(overloaded, [instance.customers.map((c) => c.id)]).violations.join()).toMatch(/exceeds capacity/);
  });

  it('recomputes the distance with unrounded Euclidean legs', () => {
    const check = checkSolomonSolution(instance, [[1]]);
    expect(check.distance).toBeCloseTo(2 * Math.hypot(41 - 35, 49 - 35), 12);
  });
});

describe('solve on a Solomon instance', () => {
  it('finds a feasible plan close to the optimum of R101 with 25 customers', () => {
    const instance = parseSolomon(R101_25);
    const solution = solve(solomonToRoutingProblem(instance), { timeLimitMs: 3000, maxIterations: 150, seed: 1 });
    const check = checkSolomonSolution(instance, solution.routes.map((route) => route.jobIds.map(Number)));
    expect(check.violations).toEqual([]);
    expect(check.distance).toBeCloseTo(solution.totals.distance, 6);
    // Optimum with distances truncated to one decimal: 617.1; unrounded doubles make it slightly longer.
    expect(check.distance).toBeLessThan(625);
  });
});
