/**
 * For the fuzz (fuzz.test.ts): multipart/form-data bodies for the dispute attachment upload, built byte by
 * byte so they can be wrong in every way a client can get them wrong: random bytes and files that only
 * start like an image, types claimed per part, no `file` part, a `file` sent as a field, several files,
 * huge `message` fields, odd names, and broken framing (no closing boundary, another boundary, no boundary
 * parameter, bare LF line ends, a multipart body under another Content-Type).
 */
import fc from 'fast-check';
import { PNG } from './disputes-support';

const ascii = (text: string) => Buffer.from(text, 'latin1');

/** Contents that start like each type the upload takes, and like types it must refuse. */
const HEADS: Buffer[] = [
  PNG,
  PNG.subarray(0, 8),
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  ascii('GIF89a\u0001\u0000\u0001\u0000'),
  ascii('RIFF\u0024\u0000\u0000\u0000WEBPVP8 '),
  ascii('%PDF-1.7\n%âãÏÓ\n'),
  ascii('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  ascii('<!doctype html><script>alert(1)</script>'),
  ascii('MZ\u0090\u0000'),
  ascii('PK\u0003\u0004'),
  Buffer.alloc(0),
];

const bytes = (maxLength: number) => fc.uint8Array({ maxLength }).map((b) => Buffer.from(b));

const content = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HEADS) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(...HEADS), bytes(4000)).map(([h, tail]) => Buffer.concat([h, tail])),
  },
  { weight: 2, arbitrary: bytes(2000) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 3_000_000 }).map((n) => Buffer.alloc(n, 0x41)) },
);

const FIELD_NAMES = ['file', 'file', 'file', 'message', 'message', 'FILE', 'file[]', 'files', 'body', '', 'fi"le'];
const TYPES = ['image/png', 'image/svg+xml', 'text/html', 'application/pdf', 'application/octet-stream', 'x/y;;', ''];

const filename = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('photo.png', 'scan.pdf', '../../etc/passwd', 'a"b.png', 'résumé ✓.pdf') },
  { weight: 2, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** A `message` field: an id of no message of the dispute, not an id at all, or huge. */
const messageContent = fc.oneof(
  fc.constantFrom('dmsg_x', 'dmsg_nosuchmessage1', 'dmsg_', 'dsp_x', '').map(ascii),
  fc.integer({ min: 100_000, max: 2_000_000 }).map((n) => ascii(`dmsg_${'x'.repeat(n)}`)),
);

const part: fc.Arbitrary<Part> = fc.record({
  name: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FIELD_NAMES) }, fc.string({ maxLength: 20 })),
  filename,
  type: fc.option(fc.constantFrom(...TYPES), { nil: null }),
  content: fc.oneof({ weight: 2, arbitrary: content }, messageContent),
});

export type Framing = 'ok' | 'noClose' | 'otherBoundary' | 'noBoundary' | 'bareLf' | 'notMultipart';

export interface Part {
  name: string;
  /** null: a plain field, no filename. */
  filename: string | null;
  type: string | null;
  content: Buffer;
}

export interface MultipartRequest {
  parts: Part[];
  framing: Framing;
  boundary: string;
}

const boundaryArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant('----portico-fuzz-boundary') },
  fc.stringMatching(/^[A-Za-z0-9'()+_,./:=? -]{1,70}$/),
);

/** One file in `file`, and now and then a `message` field, well framed: these reach the checks of the file itself. */
const wellFormed: fc.Arbitrary<MultipartRequest> = fc.record({
  parts: fc
    .tuple(
      fc.record({
        name: fc.constant('file'),
        filename: filename.map((f) => f ?? 'x.png'),
        type: fc.option(fc.constantFrom(...TYPES), { nil: null }),
        content,
      }),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        messageContent.map((content): Part => ({ name: 'message', filename: null, type: null, content })),
      ),
    )
    .map(([file, message]) => (message ? [file, message] : [file])),
  framing: fc.constant('ok' as const),
  boundary: boundaryArb,
});

const anything: fc.Arbitrary<MultipartRequest> = fc.record({
  parts: fc.array(part, { maxLength: 4 }),
  framing: fc.oneof(
    { weight: 4, arbitrary: fc.constant('ok' as const) },
    fc.constantFrom('noClose' as const, 'otherBoundary' as const, 'noBoundary' as const),
    fc.constantFrom('bareLf' as const, 'notMultipart' as const),
  ),
  boundary: boundaryArb,
});

export const multipartArb = fc.oneof({ weight: 3, arbitrary: wellFormed }, { weight: 2, arbitrary: anything });

/** The body's bytes and its Content-Type header. */
export function multipartBody(r: MultipartRequest): { body: Buffer; contentType: string } {
  const eol = r.framing === 'bareLf' ? '\n' : '\r\n';
  const boundary = r.framing === 'otherBoundary' ? `${r.boundary}-not` : r.boundary;
  const chunks: Buffer[] = [];
  for (const p of r.parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === null ? '' : `; filename="${p.filename}"`}`;
    const head = `--${boundary}${eol}Content-Disposition: ${disposition}${eol}`;
    chunks.push(Buffer.from(`${head}${p.type === null ? '' : `Content-Type: ${p.type}${eol}`}${eol}`));
    chunks.push(p.content, Buffer.from(eol));
  }
  if (r.framing !== 'noClose') chunks.push(Buffer.from(`--${boundary}--${eol}`));
  const contentType =
    r.framing === 'noBoundary'
      ? 'multipart/form-data'
      : r.framing === 'notMultipart'
        ? 'application/json'
        : `multipart/form-data; boundary="${r.boundary}"`;
  return { body: Buffer.concat(chunks), contentType };
}

/** For a failure message: the parts without their contents. */
export function describeMultipart(r: MultipartRequest): string {
  const parts = r.parts.map((p) => ({
    ...p,
    content: `${p.content.subarray(0, 16).toString('hex')}…(${p.content.length} bytes)`,
  }));
  return JSON.stringify({ ...r, parts });
}
