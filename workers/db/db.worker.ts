import { parentPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { DbWorkerApi, ParticipantsRemade } from '../../shared/contracts/db-worker.ts';
import { AppError, BugError } from '../../shared/errors.ts';
import type { Handlers } from '../../shared/worker/serve.ts';
import { serve } from '../../shared/worker/serve.ts';
import { PARTICIPANT_RULES_VERSION } from '../../shared/domain/participants.ts';
import { CaseDatabase } from './case-database.ts';
import { remakeParticipants } from './repos/chat-participants.ts';
import { countMessages, indexDocuments, languagePending, setLanguages, insertChats, insertMessages, conversationSourceFacts, listConversations, locateMessage, messagesByRowids, messagesRange, summariseChats } from './repos/messages.ts';
import { allMessageRowids, attachmentFiles, rowidsForMessageIds } from './repos/export.ts';
import { decisionsOnIndicatorsNoLongerFound } from './repos/indicators-no-longer-found.ts';
import { conversationReviewFigures } from './repos/conversation-review-figures.ts';
import { addDecision, annotatedMessageIds, conversationRisks, coverage, decisionsForMessages, reviewedRowids, sharedIdentifiers, storeTagResults, reviewQueueOrder, reviewQueueRowids, taggingPending, tagsForRowids } from './repos/markers.ts';
import { attachmentLocation, clearOcrFailures, imagesOfMessages, listImages, ocrPending, ocrTextsForRowids, ocrTextsToTag, ocrWords, setStoredPath, storeOcr, storeOcrFailure } from './repos/ocr.ts';
import { inTransaction, run, selectOne } from './repos/rows.ts';
import { abandonSource, completeSource, findImportedByHash, getSource, insertIssues, insertSource, listIssues, listSources, sourcesInStatus } from './repos/sources.ts';

let store: CaseDatabase | null = null;

/** The open case, with any pending import writes committed first (every call but an import's writes). */
function database(): CaseDatabase {
  const opened = importDatabase();
  opened.commitImportWrites();
  return opened;
}

/** The open case as an import's writes use it: inside the import transaction (CaseDatabase.importWrite). */
function importDatabase(): CaseDatabase {
  if (store === null) throw new AppError('E_CASE_NOT_FOUND', 'No case is open in the database worker', { expected: false });
  return store;
}

/** case_meta key of the participant rules the stored participants were made by (absent: version 1). */
const PARTICIPANT_RULES_KEY = 'derived.participantRules';

const handlers: Handlers<DbWorkerApi> = {
  async open({ casePath, create, settings }) {
    store?.close();
    store = await CaseDatabase.open(casePath, create);
    const meta = store.readMeta();
    let createdAt = meta.get('createdAt');
    if (createdAt === undefined) {
      createdAt = new Date().toISOString();
      store.writeMeta('createdAt', createdAt);
      store.writeMeta('settings.timeZone', settings.timeZone);
      store.writeMeta('settings.ocrLanguages', settings.ocrLanguages.join('+'));
      store.writeLanguages(settings.languages ?? []);
    }
    // A source still 'importing' means the process died mid-import: drop its partial rows and
    // mark it so the user can re-import it. Everything committed before stays as it was.
    const interruptedSources = sourcesInStatus(store.db, 'importing');
    const now = new Date().toISOString();
    for (const id of interruptedSources) abandonSource(store.db, id, 'interrupted', 'the import was interrupted before it finished', now);
    const participantsRemade = remakeParticipantsByCurrentRules(store, meta, meta.get('createdAt') === undefined);
    return { createdAt, settings: store.settings(), schemaVersion: Number(store.db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0), interruptedSources, participantsRemade };
  },
  async setCaseLanguages({ languages }) {
    const opened = database();
    opened.writeLanguages(languages);
    return opened.settings();
  },
  async attachPort({ port }) {
    serve<DbWorkerApi>(port as MessagePort, handlers);
    return null;
  },
  async caseSummary() {
    const { db } = database();
    const { messages, unparsed } = countMessages(db);
    return { sources: listSources(db), messageCount: messages, unparsedCount: unparsed };
  },
  async findAttachmentByHash({ sha256 }) {
    const row = selectOne(
      database().db,
      `SELECT m.id, c.title FROM attachments a JOIN messages m ON m.rowid = a.message_rowid JOIN chats c ON c.id = m.chat_id
       JOIN sources s ON s.id = a.source_id AND s.status = 'imported' WHERE a.sha256 = ? LIMIT 1`,
      [sha256],
    );
    return row === null ? null : { messageId: String(row['id']), chatTitle: String(row['title']) };
  },
  async findSourceByHash({ sha256 }) {
    return findImportedByHash(database().db, sha256);
  },
  async beginSource({ source }) {
    const current = database();
    // Counted from zero as its batches are stored (insertMessages).
    insertSource(current.db, { ...source, status: 'importing', messageCount: 0, unparsedCount: 0 });
    return null;
  },
  async insertChats({ chats }) {
    const current = importDatabase();
    current.importWrite(() => insertChats(current.db, chats));
    return null;
  },
  async insertMessages({ batch }) {
    const current = importDatabase();
    const rowids = current.importWrite(() => insertMessages(current.db, batch));
    return { rowids };
  },
  async addIssues({ issues }) {
    const current = importDatabase();
    current.importWrite(() => insertIssues(current.db, issues));
    return null;
  },
  async addProvenance({ sourceId, stage, tool, toolVersion, parameters }) {
    run(database().db, 'INSERT INTO provenance (source_id, stage, tool, tool_version, parameters) VALUES (?, ?, ?, ?, ?)', [
      sourceId, stage, tool, toolVersion, JSON.stringify(parameters),
    ]);
    return null;
  },
  async finishSource({ sourceId, status, sha256After, hashVerified, parser, details, chats }) {
    const current = database();
    inTransaction(current.db, () => {
      summariseChats(current.db, sourceId, chats);
      completeSource(current.db, { id: sourceId, status, sha256After, hashVerified, parser, details, finishedAt: new Date().toISOString() });
    });
    const source = getSource(current.db, sourceId);
    if (source === null) throw new BugError(`Source ${sourceId} vanished while finishing`);
    return source;
  },
  async abandonSource({ sourceId, status, reason }) {
    const current = database();
    inTransaction(current.db, () => abandonSource(current.db, sourceId, status, reason, new Date().toISOString()));
    return null;
  },
  async listIssues({ sourceId }) {
    return listIssues(database().db, sourceId);
  },
  async listConversations() {
    return listConversations(database().db);
  },
  async conversationSourceFacts({ chatId }) {
    return conversationSourceFacts(database().db, chatId);
  },
  async messagesRange({ chatId, offset, limit, order }) {
    return messagesRange(database().db, chatId, offset, limit, order);
  },
  async messagesByRowids({ rowids }) {
    return messagesByRowids(database().db, rowids);
  },
  async locateMessage({ messageId }) {
    return locateMessage(database().db, messageId);
  },
  async indexDocuments({ sourceIds, afterRowid, limit }) {
    return indexDocuments(database().db, sourceIds, afterRowid, limit);
  },
  async languagePending({ sourceId, afterRowid, limit }) {
    return languagePending(database().db, sourceId, afterRowid, limit);
  },
  async setLanguages({ results }) {
    const { db } = database();
    inTransaction(db, () => setLanguages(db, results));
    return null;
  },
  async rowidsForMessageIds({ ids }) {
    return rowidsForMessageIds(database().db, ids);
  },
  async allMessageRowids() {
    return allMessageRowids(database().db);
  },
  async attachmentFiles({ messageIds }) {
    return attachmentFiles(database().db, messageIds);
  },
  async taggingPending({ sourceId, afterRowid, limit }) {
    return taggingPending(database().db, sourceId, afterRowid, limit);
  },
  async storeTagResults({ results, tagger, origin }) {
    const { db } = database();
    inTransaction(db, () => storeTagResults(db, results, tagger, new Date().toISOString(), origin ?? 'text'));
    return null;
  },
  async ocrPending({ limit }) {
    return ocrPending(database().db, limit);
  },
  async storeOcr({ result }) {
    const { db } = database();
    inTransaction(db, () => storeOcr(db, result));
    return null;
  },
  async storeOcrFailure({ attachmentId, code, reason }) {
    storeOcrFailure(database().db, attachmentId, code, reason, new Date().toISOString());
    return null;
  },
  async clearOcrFailures() {
    clearOcrFailures(database().db);
    return null;
  },
  async imagesOfMessages({ messageIds }) {
    return imagesOfMessages(database().db, messageIds);
  },
  async listImages({ chatId, limit, offset }) {
    return listImages(database().db, chatId, limit, offset);
  },
  async ocrWords({ attachmentId }) {
    return ocrWords(database().db, attachmentId);
  },
  async setStoredPath({ attachmentId, storedPath }) {
    setStoredPath(database().db, attachmentId, storedPath);
    return null;
  },
  async ocrTextsForRowids({ rowids }) {
    return ocrTextsForRowids(database().db, rowids);
  },
  async ocrTextsToTag({ afterRowid, limit }) {
    return ocrTextsToTag(database().db, afterRowid, limit);
  },
  async attachmentLocation({ attachmentId }) {
    return attachmentLocation(database().db, attachmentId);
  },
  async tagsForRowids({ rowids }) {
    return [...tagsForRowids(database().db, rowids)];
  },
  async decisionsForMessages({ messageIds }) {
    return decisionsForMessages(database().db, messageIds);
  },
  async addDecision({ decision }) {
    const current = database();
    // A decision is evidence of the review: committed (on disk) before the call returns.
    addDecision(current.db, decision);
    return null;
  },
  async conversationRisks({ limit }) {
    return conversationRisks(database().db, limit);
  },
  async conversationReviewFigures({ chatId }) {
    return conversationReviewFigures(database().db, chatId);
  },
  async reviewQueueOrder({ chatId, focus }) {
    return reviewQueueOrder(database().db, chatId, focus);
  },
  async reviewQueueRowids({ chatId }) {
    return reviewQueueRowids(database().db, chatId);
  },
  async annotatedMessageIds({ chatId }) {
    return annotatedMessageIds(database().db, chatId);
  },
  async decisionsOnIndicatorsNoLongerFound(scope) {
    return decisionsOnIndicatorsNoLongerFound(database().db, scope);
  },
  async reviewedRowids({ kind }) {
    return reviewedRowids(database().db, kind);
  },
  async coverage() {
    return coverage(database().db);
  },
  async sharedIdentifiers({ limit }) {
    return sharedIdentifiers(database().db, limit);
  },
  async importedSourceIds() {
    return listSources(database().db).filter((source) => source.status === 'imported').map((source) => source.id);
  },
  async close() {
    store?.close();
    store = null;
    return null;
  },
};

if (parentPort === null) throw new BugError('db.worker must run in a worker thread');
serve<DbWorkerApi>(parentPort, handlers);

/**
 * A case whose conversations' participants were made by older rules (PARTICIPANT_RULES_VERSION)
 * has them made again, once, in one transaction; a new case just records the version. Returns
 * what changed, for the custody log, or null when nothing did.
 */
function remakeParticipantsByCurrentRules(opened: CaseDatabase, meta: ReadonlyMap<string, string>, isNew: boolean): ParticipantsRemade | null {
  const previous = Number(meta.get(PARTICIPANT_RULES_KEY) ?? '1');
  if (previous >= PARTICIPANT_RULES_VERSION) return null;
  const chats = inTransaction(opened.db, () => {
    opened.writeMeta(PARTICIPANT_RULES_KEY, String(PARTICIPANT_RULES_VERSION));
    return isNew ? 0 : remakeParticipants(opened.db);
  });
  return chats === 0 ? null : { rulesVersion: PARTICIPANT_RULES_VERSION, previous, chats };
}
