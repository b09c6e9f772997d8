/** A content coding the page files are stored in; identity is the file as it is. */
export type Encoding = 'br' | 'gzip' | 'identity';

/** Longest Accept-Encoding value looked at; real browsers send under 50 characters. */
const MAX_HEADER_LENGTH = 1000;

/** The weight of identity when the header does not name it: below every coding the client lists. */
const IDENTITY_UNLISTED = 0.0001;

/**
 * The coding to send for an Accept-Encoding header (RFC 9110 12.5.3), out of those `available`
 * beside identity: the one with the highest q, brotli before gzip before identity on a tie.
 * A missing or unreadable header gets identity, and so does a header that refuses every coding
 * (identity;q=0 too): a 406 would leave the visitor with no chat at all, and every client reads
 * identity.
 */
export function chooseEncoding(header: string | undefined, available: readonly Encoding[]): Encoding {
  if (!header || header.length > MAX_HEADER_LENGTH) return 'identity';
  const weights = new Map<string, number>();
  for (const item of header.split(',')) {
    const [name, ...parameters] = item.split(';').map((part) => part.trim().toLowerCase());
    if (!name) continue;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (Number.isFinite(weight) && weight >= 0 && weight <= 1) weights.set(name, weight);
  }
  const weightOf = (encoding: Encoding): number =>
    weights.get(encoding) ??
    (encoding === 'gzip' ? weights.get('x-gzip') : undefined) ??
    weights.get('*') ??
    // Identity is acceptable unless refused by name or by "*", but only as the last resort.
    (encoding === 'identity' ? IDENTITY_UNLISTED : 0);
  let best: Encoding = 'identity';
  let bestWeight = 0;
  for (const encoding of ['br', 'gzip', 'identity'] as const) {
    if (encoding !== 'identity' && !available.includes(encoding)) continue;
    const weight = weightOf(encoding);
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}
