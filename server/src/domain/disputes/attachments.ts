/**
 * A dispute's files: photos and PDFs, stored in the database (every replica serves them), judged by
 * their bytes and never by their name or the type the browser claimed, at most 5 of 10 MB a dispute.
 */
import { and, count, eq } from 'drizzle-orm';
import {
  DISPUTE_ATTACHMENT_MAX_BYTES,
  DISPUTE_MAX_ATTACHMENTS,
  type DisputeAttachmentType,
  type DisputeAttachmentView,
} from '../../contract';
import { newId } from '../../crypto';
import { disputeAttachments, disputeMessages } from '../../db/schema';
import { imageType } from '../../pdf/logo';
import type { AuthSession } from '../auth';
import { DomainError, notFound } from '../errors';
import { recordEvent } from '../events';
import type { DisputeDeps } from './deps';
import { isStanding, visibleDispute } from './read';

const ascii = (text: string) => Buffer.from(text, 'latin1');
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const PDF = ascii('%PDF-');

/**
 * The type of a file from its first bytes, among the five a dispute takes; null for anything else
 * (HTML, SVG, a script renamed `.png`). Written here rather than with a detection library: this is an
 * allow-list of five fixed signatures, and a detector of hundreds of types would add nothing to it.
 */
export function sniffAttachmentType(bytes: Uint8Array): DisputeAttachmentType | null {
  const image = imageType(bytes);
  if (image) return image;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 12));
  const starts = (magic: Buffer, at = 0) => head.subarray(at, at + magic.length).equals(magic);
  if (starts(GIF87) || starts(GIF89)) return 'image/gif';
  if (starts(RIFF) && starts(WEBP, 8)) return 'image/webp';
  if (starts(PDF)) return 'application/pdf';
  return null;
}

/** A name fit to show and to offer as a download: no folders, no control characters, at most 200 characters. */
export function cleanFileName(raw: string, type: DisputeAttachmentType): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex -- control characters are what is taken out
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069"]/g, '')
    .trim()
    .slice(0, 200);
  return clean || `attachment.${type === 'application/pdf' ? 'pdf' : type.slice('image/'.length)}`;
}

export interface Upload {
  name: string;
  bytes: Uint8Array;
  /** A message of this dispute the file belongs to; none for the dispute itself. */
  messageId?: string | undefined;
}

/** `POST /disputes/:id/attachments`: checked before anything is written; written with its event. */
export async function addAttachment(
  deps: DisputeDeps,
  session: AuthSession,
  disputeId: string,
  upload: Upload,
  requestId: string | null,
): Promise<DisputeAttachmentView> {
  if (upload.bytes.byteLength > DISPUTE_ATTACHMENT_MAX_BYTES) {
    throw new DomainError(
      'attachment_too_large',
      `A file may be at most ${DISPUTE_ATTACHMENT_MAX_BYTES / 1048576} MB.`,
    );
  }
  if (upload.bytes.byteLength === 0) throw new DomainError('invalid_request', 'The file is empty.');
  const type = sniffAttachmentType(upload.bytes);
  if (!type) {
    throw new DomainError('attachment_type_unsupported', 'Attach photos (PNG, JPEG, GIF, WebP) or PDF documents only.');
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const dispute = await visibleDispute(tx, session, disputeId);
    if (!isStanding(dispute.status)) {
      throw new DomainError(
        'dispute_not_open',
        `This dispute is ${dispute.status.replace('_', ' ')}; it takes no more files.`,
      );
    }
    const held = (await tx
      .select({ n: count() })
      .from(disputeAttachments)
      .where(eq(disputeAttachments.disputeId, dispute.id))
      .get())!.n;
    if (held >= DISPUTE_MAX_ATTACHMENTS) {
      throw new DomainError('attachment_limit', `A dispute takes at most ${DISPUTE_MAX_ATTACHMENTS} files.`);
    }
    if (upload.messageId) {
      const message = await tx
        .select({ id: disputeMessages.id })
        .from(disputeMessages)
        .where(and(eq(disputeMessages.id, upload.messageId), eq(disputeMessages.disputeId, dispute.id)))
        .get();
      if (!message) throw new DomainError('invalid_request', 'That message is not in this dispute.');
    }
    const uploadedBy = session.audience === 'staff' ? ('staff' as const) : ('customer' as const);
    const row = {
      id: newId('att'),
      disputeId: dispute.id,
      messageId: upload.messageId ?? null,
      name: cleanFileName(upload.name, type),
      type,
      size: upload.bytes.byteLength,
      data: Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength),
      uploadedBy,
      uploaderEmail: session.email,
      createdAt: now,
    };
    await tx.insert(disputeAttachments).values(row).run();
    await recordEvent(
      tx,
      {
        type: 'dispute.attachment_added',
        actor:
          uploadedBy === 'staff' ? { type: 'staff', id: session.staffUserId } : { type: 'customer', id: session.email },
        subject: { type: 'dispute', id: dispute.id },
        customerId: dispute.customerId,
        requestId,
        data: { attachmentId: row.id, name: row.name, type, size: row.size },
      },
      now,
    );
    const { data: _data, uploaderEmail: _email, disputeId: _dispute, ...view } = row;
    return { ...view, createdAt: now.toISOString() };
  });
}

/** The file, for the dispute's customer sessions and for staff; another's looks like none. */
export async function readAttachment(
  deps: Pick<DisputeDeps, 'db'>,
  session: AuthSession,
  disputeId: string,
  attachmentId: string,
): Promise<{ name: string; type: DisputeAttachmentType; data: Uint8Array }> {
  const dispute = await visibleDispute(deps.db, session, disputeId);
  const row = await deps.db
    .select({ name: disputeAttachments.name, type: disputeAttachments.type, data: disputeAttachments.data })
    .from(disputeAttachments)
    .where(and(eq(disputeAttachments.id, attachmentId), eq(disputeAttachments.disputeId, dispute.id)))
    .get();
  if (!row) throw notFound('No such attachment.');
  return { name: row.name, type: row.type as DisputeAttachmentType, data: new Uint8Array(row.data) };
}
