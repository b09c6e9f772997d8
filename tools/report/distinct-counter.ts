import { createHash } from 'node:crypto';

const INDEX_BITS = 10;
const REGISTERS = 1 << INDEX_BITS;
/** Up to this many distinct ids are counted exactly; past it, estimated (HyperLogLog, about ±3%). */
export const EXACT_UP_TO = 512;
const ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

/**
 * Counts distinct conversations in bounded memory: exactly while few, then with a HyperLogLog of
 * 1,024 registers (1 KiB, whatever the number of conversations). The ids are already uniform
 * (truncated HMACs), so their own bits are the hash.
 */
export class DistinctCounter {
  private exact: Set<number> | undefined = new Set();
  private registers: Uint8Array | undefined;

  add(id: string): void {
    this.addBits(bitsOf(id));
  }

  get count(): number {
    if (this.exact) return this.exact.size;
    const registers = this.registers ?? new Uint8Array(REGISTERS);
    let sum = 0;
    let zeros = 0;
    for (const rank of registers) {
      sum += 2 ** -rank;
      if (rank === 0) zeros += 1;
    }
    const estimate = (ALPHA * REGISTERS * REGISTERS) / sum;
    // Linear counting is the better estimate while many registers are still empty.
    return Math.round(estimate <= 2.5 * REGISTERS && zeros > 0 ? REGISTERS * Math.log(REGISTERS / zeros) : estimate);
  }

  /** Adds another counter's ids (for weekly buckets made of days). */
  merge(other: DistinctCounter): void {
    if (other.exact) {
      for (const bits of other.exact) this.addBits(bits);
      return;
    }
    const registers = this.toRegisters();
    const theirs = other.registers ?? new Uint8Array(REGISTERS);
    for (let index = 0; index < REGISTERS; index++) registers[index] = Math.max(registers[index], theirs[index]);
  }

  private addBits(bits: number): void {
    if (!this.exact) {
      this.observe(bits);
      return;
    }
    this.exact.add(bits);
    if (this.exact.size > EXACT_UP_TO) this.toRegisters();
  }

  private toRegisters(): Uint8Array {
    if (this.exact) {
      const ids = this.exact;
      this.exact = undefined;
      this.registers = new Uint8Array(REGISTERS);
      for (const bits of ids) this.observe(bits);
    }
    return (this.registers ??= new Uint8Array(REGISTERS));
  }

  private observe(bits: number): void {
    const registers = (this.registers ??= new Uint8Array(REGISTERS));
    const index = bits >>> (32 - INDEX_BITS);
    const rest = (bits << INDEX_BITS) >>> 0;
    const rank = Math.min(Math.clz32(rest), 32 - INDEX_BITS) + 1;
    if (rank > registers[index]) registers[index] = rank;
  }
}

/** 32 uniform bits of an id: its first eight hex digits when it is a hash, else of its SHA-256. */
function bitsOf(id: string): number {
  const hex = /^[0-9a-f]{8}/.test(id) ? id : createHash('sha256').update(id).digest('hex');
  return Number.parseInt(hex.slice(0, 8), 16);
}
