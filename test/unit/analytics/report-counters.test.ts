import { createHash } from 'node:crypto';
import { DistinctCounter, EXACT_UP_TO } from '../../../tools/report/distinct-counter';
import { TopCounter } from '../../../tools/report/top-counter';

// Ids like the store's (hex of a hash), but the same every run: an estimate's error is random
// over inputs, and a test must not pass or fail by the draw.
let drawn = 0;
const hexId = () => createHash('sha256').update(`conversation-${drawn++}`).digest('hex').slice(0, 16);

describe('counting distinct conversations', () => {
  it('is exact while there are few, however often each is seen', () => {
    const counter = new DistinctCounter();
    const ids = Array.from({ length: EXACT_UP_TO }, hexId);
    for (let round = 0; round < 3; round++) for (const id of ids) counter.add(id);
    expect(counter.count).toBe(EXACT_UP_TO);
  });

  // 1,024 registers: a standard error of about 3.3%, so 10% is three of them.
  it.each([2_000, 50_000, 200_000])('estimates %i within 10%% in 1 KiB', (distinct) => {
    const counter = new DistinctCounter();
    for (let n = 0; n < distinct; n++) counter.add(hexId());
    expect(Math.abs(counter.count - distinct) / distinct).toBeLessThan(0.1);
  });

  it('counts ids that are not hashes too (exports from elsewhere)', () => {
    const counter = new DistinctCounter();
    for (let n = 0; n < 100; n++) counter.add(`conversation ${n % 40}`);
    expect(counter.count).toBe(40);
  });

  it('merges days into weeks without counting a conversation twice', () => {
    const shared = Array.from({ length: 3_000 }, hexId);
    const monday = new DistinctCounter();
    const tuesday = new DistinctCounter();
    const small = new DistinctCounter();
    for (const id of shared) {
      monday.add(id);
      tuesday.add(id);
    }
    small.add(shared[0]);
    small.add(hexId());
    monday.merge(tuesday);
    monday.merge(small);
    expect(Math.abs(monday.count - 3_001) / 3_001).toBeLessThan(0.05);
  });
});

describe('counting the most frequent keys in bounded memory', () => {
  it('is exact while the keys fit', () => {
    const counter = new TopCounter<null>(10, () => null);
    for (const key of ['a', 'b', 'a', 'c', 'a', 'b']) counter.add(key);
    expect(counter.top().map(({ key, count }) => [key, count])).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', 1],
    ]);
    expect(counter.error).toBe(0);
  });

  it('keeps the frequent keys among a million one-offs, holding no more than its capacity', () => {
    // Misra-Gries keeps every key seen more than n / (capacity + 1) times: here 1 in 50 and 1 in 150.
    const counter = new TopCounter<null>(200, () => null);
    let largest = 0;
    for (let n = 0; n < 1_000_000; n++) {
      counter.add(n % 50 === 0 ? 'renew efin' : n % 150 === 1 ? 'caf number' : `one-off ${n}`);
      largest = Math.max(largest, counter.size);
    }
    expect(largest).toBe(200);
    const [first, second] = counter.top(2);
    expect([first.key, second.key]).toEqual(['renew efin', 'caf number']);
    expect(first.count).toBeLessThanOrEqual(20_000);
    expect(first.count).toBeGreaterThanOrEqual(20_000 - counter.error);
  });
});
