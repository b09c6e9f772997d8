import { readFileSync } from 'node:fs';
import { pngSize } from '../../../tools/teams-package/png-size';

describe('pngSize', () => {
  it('reads the committed icons', () => {
    expect(pngSize(readFileSync('teams/color.png'))).toEqual({ width: 192, height: 192 });
    expect(pngSize(readFileSync('teams/outline.png'))).toEqual({ width: 32, height: 32 });
  });

  it('reads width and height from the IHDR chunk of a hand-made header', () => {
    const header = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
    header.writeUInt32BE(13, 8);
    header.write('IHDR', 12, 'ascii');
    header.writeUInt32BE(640, 16);
    header.writeUInt32BE(480, 20);
    expect(pngSize(header)).toEqual({ width: 640, height: 480 });
    // A view into a larger buffer must read from its own offset.
    const padded = Buffer.concat([Buffer.alloc(5), header]);
    expect(pngSize(padded.subarray(5))).toEqual({ width: 640, height: 480 });
  });

  it.each<[string, Uint8Array]>([
    ['empty', Buffer.alloc(0)],
    ['cut short', readFileSync('teams/color.png').subarray(0, 20)],
    ['not a PNG', Buffer.from('GIF89a, certainly not a PNG file at all')],
    [
      'PNG signature without IHDR first',
      Buffer.concat([readFileSync('teams/color.png').subarray(0, 12), Buffer.from('IDAT'), Buffer.alloc(16)]),
    ],
  ])('returns undefined for %s', (_name, bytes) => {
    expect(pngSize(bytes)).toBeUndefined();
  });
});
