import { MemoryStorage } from 'botbuilder';
import { eTagConflictError, isETagConflict } from '../../../src/state/etag-conflict';

describe('isETagConflict', () => {
  it("recognises MemoryStorage's conflict error", async () => {
    const storage = new MemoryStorage();
    await storage.write({ k: { n: 1 } });
    const error = await storage.write({ k: { n: 2, eTag: 'stale' } }).catch((caught: unknown) => caught);
    expect(isETagConflict(error)).toBe(true);
  });

  it('recognises our own conflict error and raw 412s', () => {
    expect(isETagConflict(eTagConflictError('k'))).toBe(true);
    expect(isETagConflict(Object.assign(new Error('The condition specified was not met.'), { statusCode: 412 }))).toBe(
      true,
    );
    expect(isETagConflict(Object.assign(new Error('Precondition failed'), { code: 412 }))).toBe(true);
  });

  it('does not mistake outages or other failures for conflicts', () => {
    expect(isETagConflict(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe(
      false,
    );
    expect(
      isETagConflict(Object.assign(new Error('The specified container does not exist.'), { statusCode: 404 })),
    ).toBe(false);
    expect(isETagConflict(new Error('boom'))).toBe(false);
    expect(isETagConflict('eTag conflict')).toBe(false);
    expect(isETagConflict(undefined)).toBe(false);
  });
});
