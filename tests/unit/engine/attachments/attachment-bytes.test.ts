import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentPathOnDisk } from '../../../../engine/attachments/attachment-bytes.ts';
import type { AttachmentPlace } from '../../../../engine/attachments/attachment-bytes.ts';
import { tempFolder } from '../../../support/temp-case.ts';

/** A signal-export folder: a chat with its media, the export's shared sticker folder, and a file elsewhere. */
function layout(): { chat: string; place: (sourcePath: string, sourceFormat?: string) => AttachmentPlace } {
  const root = tempFolder();
  mkdirSync(join(root, 'Ana', 'media'), { recursive: true });
  mkdirSync(join(root, 'exported_stickers', 'pack'), { recursive: true });
  writeFileSync(join(root, 'Ana', 'chat.md'), 'chat');
  writeFileSync(join(root, 'Ana', 'media', 'a.jpg'), 'photo');
  writeFileSync(join(root, 'exported_stickers', 'pack', '7.webp'), 'sticker');
  writeFileSync(join(root, 'secret.txt'), 'outside');
  const chat = join(root, 'Ana', 'chat.md');
  return {
    chat,
    place: (sourcePath, sourceFormat = 'signal-export-text') => ({ attachmentId: 1, sha256: 'x', entryName: 'chat.md', sourceFile: chat, sourceFormat, sourcePath, storedPath: null }),
  };
}

describe('attachmentPathOnDisk', () => {
  it('finds media beside the source and stickers in the signal-export sticker folder, nothing else outside', () => {
    const { chat, place } = layout();
    expect(attachmentPathOnDisk('/case', place('media/a.jpg'))).toBe(join(chat, '..', 'media', 'a.jpg'));
    expect(attachmentPathOnDisk('/case', place('../exported_stickers/pack/7.webp'))).toBe(join(chat, '..', '..', 'exported_stickers', 'pack', '7.webp'));
    expect(attachmentPathOnDisk('/case', place('../secret.txt'))).toBeNull();
    expect(attachmentPathOnDisk('/case', place('../exported_stickers/../secret.txt'))).toBeNull();
    // Another format has no shared folder.
    expect(attachmentPathOnDisk('/case', place('../exported_stickers/pack/7.webp', 'whatsapp-txt'))).toBeNull();
  });

  it('finds WhatsApp media in the app root Media folder only for a database in its Databases folder', () => {
    const root = tempFolder();
    mkdirSync(join(root, 'WhatsApp', 'Databases'), { recursive: true });
    mkdirSync(join(root, 'WhatsApp', 'Media', 'WhatsApp Images'), { recursive: true });
    mkdirSync(join(root, 'copy'), { recursive: true });
    writeFileSync(join(root, 'WhatsApp', 'Media', 'WhatsApp Images', 'IMG-1.jpg'), 'photo');
    writeFileSync(join(root, 'WhatsApp', 'secret.txt'), 'app root, not Media');
    writeFileSync(join(root, 'Media'), 'beside a copied database');
    const at = (sourceFile: string, sourcePath: string): AttachmentPlace => ({ attachmentId: 1, sha256: 'x', entryName: 'msgstore.db', sourceFile, sourceFormat: 'whatsapp-android-db', sourcePath, storedPath: null });
    const phone = join(root, 'WhatsApp', 'Databases', 'msgstore.db');
    expect(attachmentPathOnDisk('/case', at(phone, '../Media/WhatsApp Images/IMG-1.jpg'))).toBe(join(root, 'WhatsApp', 'Media', 'WhatsApp Images', 'IMG-1.jpg'));
    expect(attachmentPathOnDisk('/case', at(phone, '../secret.txt'))).toBeNull();
    expect(attachmentPathOnDisk('/case', at(phone, '../Media/../secret.txt'))).toBeNull();
    expect(attachmentPathOnDisk('/case', at(join(root, 'copy', 'msgstore.db'), '../Media'))).toBeNull();
  });
});
