import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { field, modelType, party, report, stamp } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * InstantMessage fields IPED (InstantMessage.getSubject) and UFEDLib (Subject, DeletionReason,
 * Erased, Folder, ChatId) read from real reports, which the importer dropped: a subject line, and
 * why and how a recovered message was deleted. Names and texts are invented.
 */
describe('Cellebrite InstantMessage subject and deletion facts', () => {
  it('keeps Subject, DeletionReason, Erased, Folder and ChatId as written', async () => {
    const message = `<model type="InstantMessage" id="im-1" deleted_state="Deleted"><modelField name="From" type="Party">${party({ id: 'ana@example.com', name: 'Ana' })}</modelField>${field('Body', 'the room number is 12')}${stamp('TimeStamp', '2024-02-01T10:00:00.000+00:00')}${field('Subject', 'tonight')}${field('DeletionReason', 'DeletedByUser')}${field('Erased', 'False')}${field('Folder', 'Inbox')}${field('ChatId', 'chat-77')}</model>`;
    const plain = `<model type="InstantMessage" id="im-2" deleted_state="Intact"><modelField name="From" type="Party">${party({ id: 'ana@example.com', name: 'Ana' })}</modelField>${field('Body', 'ok')}${stamp('TimeStamp', '2024-02-01T10:01:00.000+00:00')}</model>`;
    const chat = `<model type="Chat" id="chat-77" deleted_state="Intact">${field('Source', 'iMessage')}${field('Id', 'chat-77')}<multiModelField name="Messages" type="InstantMessage">${message}${plain}</multiModelField></model>`;
    const result = await runParser(ufdrReportParser, inputFromText(report({ decoded: [modelType('Chat', [chat])] }), { displayName: 'report.xml' }));
    expect(result.messages[0]?.extra).toMatchObject({ subject: 'tonight', deletionReason: 'DeletedByUser', erased: 'False', folder: 'Inbox', chatId: 'chat-77' });
    expect(result.messages[0]?.deleted).toBe(true);
    expect(Object.keys(result.messages[1]?.extra ?? {})).not.toContain('subject');
  });
});
