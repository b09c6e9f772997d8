import { HASH_LENGTH, hashId } from '../../../src/analytics/hash-id';

const SALT = 'a-salt-of-at-least-thirty-two-characters';

describe('hashed ids', () => {
  it('are HMAC-SHA256 with the salt, truncated (the same as OpenSSL computes)', () => {
    // printf 'conversation:abc' | openssl dgst -sha256 -hmac "$SALT" | cut -c1-16
    expect(hashId(SALT, 'conversation', 'abc')).toBe('d12405dc2c7842bc');
    expect(hashId(SALT, 'user', 'abc')).toBe('353c25bba4f7b6c6');
  });

  it('are the same for the same id and salt, so events of one conversation join up', () => {
    expect(hashId(SALT, 'conversation', 'a:1;messageid=9')).toBe(hashId(SALT, 'conversation', 'a:1;messageid=9'));
  });

  it('differ with another salt, another id, or another kind of id', () => {
    const hash = hashId(SALT, 'user', '29:1abc');
    expect(hashId(`${SALT}!`, 'user', '29:1abc')).not.toBe(hash);
    expect(hashId(SALT, 'user', '29:1abd')).not.toBe(hash);
    expect(hashId(SALT, 'conversation', '29:1abc')).not.toBe(hash);
  });

  it('show nothing of the id', () => {
    const id = 'dl_conversation-12345';
    const hash = hashId(SALT, 'conversation', id);
    expect(hash).toMatch(new RegExp(`^[0-9a-f]{${HASH_LENGTH}}$`));
    expect(hash).not.toContain('12345');
  });
});
