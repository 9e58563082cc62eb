/**
 * Duplicate articles in a corpus: exact duplicates (the same clean text) and near duplicates (one
 * holds most of the other's text: a changed title, a cut end, paragraphs left out).
 *
 * Each article is reduced, as it is added, to a fixed-size signature: a 64-bit hash of its clean
 * text, the number of its distinct shingles (5-character windows of the text without white
 * space), and a MinHash sketch of those shingles (one-permutation hashing into 128 bins with
 * densification: one hash per shingle instead of 128). Candidate pairs come from LSH banding of
 * the sketch (32 bands of 4 rows); each candidate's Jaccard similarity J is estimated from the
 * sketches, and turned into the containment of the smaller article in the larger one with the
 * shingle counts: |A∩B| = J(|A|+|B|)/(1+J), containment = |A∩B| / min(|A|,|B|). A pair is a near
 * duplicate when that containment reaches the threshold (default 0.8; see the unit tests and the
 * benchmark for its precision and recall). Memory: about 600 bytes an article, whatever its length.
 */

export const SHINGLE = 5;
export const BINS = 128;
export const BANDS = 32;
const ROWS = BINS / BANDS;
export const DEFAULT_THRESHOLD = 0.8;
/** How many following members of an LSH bucket each member is compared with. */
const WINDOW = 64;

export interface DuplicateGroup<Id> {
  readonly kind: 'exact' | 'near';
  /** 1 for exact groups; for near groups the lowest estimated containment of the pairs that joined it. */
  readonly similarity: number;
  readonly ids: readonly Id[];
}

/** Two independent 32-bit hashes (FNV-1a with two bases) and the length: a key for "the same text". */
function exactKey(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}:${text.length}`;
}

/** A 32-bit finaliser (murmur3's fmix32): spreads a shingle hash over the whole range. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const EMPTY = 0xffffffff;

/** The text the shingles are taken from: white space of every kind dropped, Latin letters lower-cased. */
function compact(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, '').toLowerCase();
}

/** The MinHash sketch and distinct shingle count of a text. */
export function sketch(text: string): { signature: Uint32Array; shingles: number } {
  const s = compact(text);
  const signature = new Uint32Array(BINS).fill(EMPTY);
  const count = Math.max(1, s.length - SHINGLE + 1);
  for (let i = 0; i < count; i++) {
    // A rolling polynomial over the window's code units.
    let h = 0;
    const end = Math.min(s.length, i + SHINGLE);
    for (let j = i; j < end; j++) h = (Math.imul(h, 31) + s.charCodeAt(j)) | 0;
    const value = mix(h);
    const bin = value >>> 25; // the top 7 bits choose one of 128 bins
    const rest = value & 0x1ffffff;
    if (rest < signature[bin]!) signature[bin] = rest;
  }
  // Densification: an empty bin takes the value of the next non-empty bin (with a per-hop offset).
  for (let b = 0; b < BINS; b++) {
    if (signature[b] !== EMPTY) continue;
    for (let step = 1; step < BINS; step++) {
      const from = signature[(b + step) % BINS]!;
      if (from !== EMPTY && from < 0x2000000) {
        signature[b] = (from + step * 0x2000000) >>> 0;
        break;
      }
    }
  }
  // The windows stand in for the distinct shingles: news text hardly repeats a 5-character window,
  // and counting them costs nothing where a set of 100,000 articles' shingles costs seconds.
  return { signature, shingles: s.length === 0 ? 0 : count };
}

/** The share of sketch positions two signatures agree on: an estimate of the Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < BINS; i++) if (a[i] === b[i]) same++;
  return same / BINS;
}

/** Containment of the smaller set in the larger from their Jaccard similarity and sizes. */
export function containment(jaccard: number, sizeA: number, sizeB: number): number {
  const small = Math.min(sizeA, sizeB);
  if (small === 0) return 0;
  const intersection = (jaccard * (sizeA + sizeB)) / (1 + jaccard);
  return Math.min(1, intersection / small);
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!;
      x = this.parent[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Collects articles one at a time (only their signatures are kept), then groups them. */
export class DuplicateFinder<Id> {
  private readonly ids: Id[] = [];
  private readonly exactKeys: string[] = [];
  private signatures = new Uint32Array(1024 * BINS);
  private readonly sizes: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  /** Adds an article by its clean text (title and paragraphs). */
  add(id: Id, cleanText: string): void {
    const index = this.ids.length;
    this.ids.push(id);
    this.exactKeys.push(exactKey(cleanText));
    const { signature, shingles } = sketch(cleanText);
    if ((index + 1) * BINS > this.signatures.length) {
      const grown = new Uint32Array(this.signatures.length * 2);
      grown.set(this.signatures);
      this.signatures = grown;
    }
    this.signatures.set(signature, index * BINS);
    this.sizes.push(shingles);
  }

  /** Exact and near duplicate groups; `threshold` is the containment a near pair must reach. */
  groups(threshold = DEFAULT_THRESHOLD): DuplicateGroup<Id>[] {
    const n = this.ids.length;
    // Exact groups: one representative each goes on to the near-duplicate search.
    const exact = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const list = exact.get(this.exactKeys[i]!);
      if (list) list.push(i);
      else exact.set(this.exactKeys[i]!, [i]);
    }
    const representatives: number[] = [];
    for (const list of exact.values()) representatives.push(list[0]!);
    representatives.sort((a, b) => a - b);

    const near = new UnionFind(n);
    const lowest = new Map<number, number>();
    const tested = new Set<number>();
    const sig = this.signatures;
    const agree = (a: number, b: number): number => {
      let same = 0;
      const oa = a * BINS;
      const ob = b * BINS;
      for (let i = 0; i < BINS; i++) if (sig[oa + i] === sig[ob + i]) same++;
      return same / BINS;
    };
    const minimumJaccard = threshold > 0 ? threshold / (2 - threshold) / 4 : 0; // cheap pre-filter, far below any pair that can pass
    const linked: [number, number, number][] = [];
    for (let band = 0; band < BANDS; band++) {
      // Keyed by a hash of the band's rows: a false collision only adds a candidate that is checked anyway.
      const buckets = new Map<number, number[]>();
      for (const r of representatives) {
        if (this.sizes[r] === 0) continue;
        const o = r * BINS + band * ROWS;
        let key = 0;
        for (let k = 0; k < ROWS; k++) key = mix(key ^ sig[o + k]!);
        key &= 0x3fffffff;
        const list = buckets.get(key);
        if (list) list.push(r);
        else buckets.set(key, [r]);
      }
      for (const list of buckets.values()) {
        if (list.length < 2) continue;
        // A big bucket is what stock phrases shared by many distinct articles make: each member is
        // checked against its next WINDOW members only (a true group that big is rare once exact
        // copies are folded, and its members meet in other bands too).
        for (let x = 0; x < list.length; x++) {
          const last = Math.min(list.length, x + 1 + WINDOW);
          for (let y = x + 1; y < last; y++) {
            const a = list[x]!;
            const b = list[y]!;
            const pair = a * n + b;
            if (tested.has(pair)) continue;
            tested.add(pair);
            const j = agree(a, b);
            if (j < minimumJaccard) continue;
            const c = containment(j, this.sizes[a]!, this.sizes[b]!);
            if (c >= threshold) linked.push([a, b, c]);
          }
        }
      }
    }
    for (const [a, b] of linked) near.union(a, b);
    for (const [a, , c] of linked) {
      const root = near.find(a);
      lowest.set(root, Math.min(lowest.get(root) ?? 1, c));
    }

    const out: DuplicateGroup<Id>[] = [];
    const nearMembers = new Map<number, number[]>();
    for (const r of representatives) {
      const root = near.find(r);
      const list = nearMembers.get(root);
      if (list) list.push(r);
      else nearMembers.set(root, [r]);
    }
    const exactOf = new Map<number, number[]>();
    for (const list of exact.values()) exactOf.set(list[0]!, list);
    for (const [root, members] of nearMembers) {
      if (members.length > 1) {
        const all = members.flatMap((m) => exactOf.get(m)!).sort((a, b) => a - b);
        out.push({ kind: 'near', similarity: Math.round((lowest.get(root) ?? 1) * 1000) / 1000, ids: all.map((i) => this.ids[i]!) });
      } else {
        const list = exactOf.get(members[0]!)!;
        if (list.length > 1) out.push({ kind: 'exact', similarity: 1, ids: list.map((i) => this.ids[i]!) });
      }
    }
    return out;
  }
}

/** The groups of a small collection of texts at once. */
export function findDuplicates<Id>(items: Iterable<{ id: Id; text: string }>, threshold = DEFAULT_THRESHOLD): DuplicateGroup<Id>[] {
  const finder = new DuplicateFinder<Id>();
  for (const item of items) finder.add(item.id, item.text);
  return finder.groups(threshold);
}
