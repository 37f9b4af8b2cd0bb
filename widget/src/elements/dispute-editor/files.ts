/**
 * The files a dispute takes, checked in the browser before anything is sent: images and PDFs, at most
 * five, each at most 10 MB (the contract's limits). The browser's idea of a type comes from the name,
 * so the server judges again from the bytes; this only spares an upload that would be refused.
 */
import {
  DISPUTE_ATTACHMENT_MAX_BYTES,
  DISPUTE_ATTACHMENT_TYPES,
  DISPUTE_MAX_ATTACHMENTS,
} from '../../../../server/src/contract/disputes.js';
import type { Catalog } from '../../locales/catalog.js';

/** The files kept after adding `picked` to `current`, and why each refused one was refused. */
export function addFiles(
  current: readonly File[],
  picked: Iterable<File>,
  locale: string | undefined,
  t: Catalog,
): { files: File[]; problems: string[] } {
  const files = [...current];
  const problems: string[] = [];
  const overLimit: string[] = [];
  for (const file of picked) {
    if (!(DISPUTE_ATTACHMENT_TYPES as readonly string[]).includes(file.type)) {
      problems.push(t.disputeEditor.fileType(file.name));
    } else if (file.size > DISPUTE_ATTACHMENT_MAX_BYTES) {
      problems.push(t.disputeEditor.fileTooLarge(file.name, formatFileSize(file.size, locale)));
    } else if (files.length >= DISPUTE_MAX_ATTACHMENTS) {
      overLimit.push(file.name);
    } else {
      files.push(file);
    }
  }
  if (overLimit.length) problems.push(t.disputeEditor.tooManyFiles(overLimit));
  return { files, problems };
}

/** A file's size for people, in the locale's units: "820 kB", "2.4 MB". */
export function formatFileSize(bytes: number, locale: string | undefined): string {
  const mega = bytes >= 1000 * 1024;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: mega ? 'megabyte' : 'kilobyte',
      unitDisplay: 'short',
      maximumFractionDigits: mega ? 1 : 0,
    }).format(Math.max(1, bytes / (mega ? 1024 * 1024 : 1024)));
  } catch {
    // An unknown locale tag must not break the list: English units.
    return formatFileSize(bytes, 'en');
  }
}

/**
 * The file picker offers only what the server takes (rather than every `image/*`, which would offer
 * SVGs and HEICs only to refuse them).
 */
export const acceptedFiles = DISPUTE_ATTACHMENT_TYPES.join(',');
