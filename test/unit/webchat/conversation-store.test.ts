import { ConversationStore, parseWatermark } from '../../../src/channels/webchat/conversation-store';

const MINUTE = 60_000;

function setup(
  options: { idleMs?: number; maxConversations?: number; maxActivities?: number; protectMs?: number } = {},
) {
  let now = Date.UTC(2026, 0, 15);
  const store = new ConversationStore({
    clock: () => now,
    idleMs: options.idleMs ?? 10 * MINUTE,
    maxConversations: options.maxConversations ?? 100,
    maxActivities: options.maxActivities ?? 100,
    protectMs: options.protectMs ?? 0,
  });
  const create = (id: string) => store.create({ id, userId: `dl_${id}` });
  return {
    store,
    create,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe('ConversationStore', () => {
  it('gives activities Direct Line style ids and returns those after a watermark', () => {
    const { store, create } = setup();
    create('c');
    expect(store.append('c', { type: 'message', text: 'one' })).toBe('c|0000001');
    expect(store.append('c', { type: 'message', text: 'two' })).toBe('c|0000002');
    expect(store.since('c', undefined)).toEqual({
      activities: [
        { type: 'message', text: 'one', id: 'c|0000001' },
        { type: 'message', text: 'two', id: 'c|0000002' },
      ],
      watermark: '2',
    });
    expect(store.since('c', '1')?.activities.map((a) => a.text)).toEqual(['two']);
    expect(store.since('c', '2')).toEqual({ activities: [], watermark: '2' });
  });

  it('keeps only the newest activities, and watermarks keep counting', () => {
    const { store, create } = setup({ maxActivities: 3 });
    create('c');
    for (let n = 1; n <= 5; n += 1) store.append('c', { n });
    const all = store.since('c', '');
    expect(all?.activities.map((a) => a.n)).toEqual([3, 4, 5]);
    expect(all?.watermark).toBe('5');
    store.append('c', { n: 6 });
    expect(store.since('c', '5')).toEqual({ activities: [{ n: 6, id: 'c|0000006' }], watermark: '6' });
  });

  it('drops a conversation nobody touched for longer than the idle time', () => {
    const { store, create, advance } = setup({ idleMs: 10 * MINUTE });
    create('quiet');
    create('busy');
    advance(6 * MINUTE);
    store.get('busy');
    advance(5 * MINUTE);
    expect(store.get('quiet')).toBeUndefined();
    expect(store.get('busy')).toEqual({ id: 'busy', userId: 'dl_busy' });
    expect(store.size).toBe(1);
  });

  it('evicts the least recently used conversation when full', () => {
    const { store, create, advance } = setup({ maxConversations: 3 });
    create('a');
    advance(1);
    create('b');
    advance(1);
    create('c');
    advance(1);
    store.since('a', undefined);
    create('d');
    expect(store.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((id) => store.get(id)?.id)).toEqual(['a', 'c', 'd']);
    expect(store.size).toBe(3);
  });

  it('answers undefined for a conversation it does not hold', () => {
    const { store } = setup();
    expect(store.get('nope')).toBeUndefined();
    expect(store.append('nope', { type: 'message' })).toBeUndefined();
    expect(store.since('nope', '0')).toBeUndefined();
  });

  it.each([
    [undefined, 0],
    ['', 0],
    ['7', 7],
    ['-1', 0],
    ['abc', 0],
    ['1e3', 0],
    ['9'.repeat(20), 0],
  ])('reads watermark %j as %d', (watermark, expected) => {
    expect(parseWatermark(watermark)).toBe(expected);
  });
});
