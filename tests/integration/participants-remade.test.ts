import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';
import { FileConnection } from '../../workers/db/file-connection.ts';

/**
 * A case made before the participant rules changed (PARTICIPANT_RULES_VERSION 2: a phone
 * number's punctuation set aside) kept listing one person twice, since a conversation's
 * participants are stored when it is summarised. Opening it lists them again, once, and says so.
 */
const BACKUP = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="2">
  <sms protocol="0" address="+40 712-345-678" date="1712340000000" type="1" body="Ai ajuns?" read="1" status="-1" contact_name="Dorin" />
  <sms protocol="0" address="+40712345678" date="1712340060000" type="1" body="Sună-mă" read="1" status="-1" contact_name="Dorin" />
</smses>
`;

const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

function newEngine(): Engine {
  const engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
  engines.push(engine);
  return engine;
}

describe('participants listed by older rules', () => {
  it('are listed again when the case is opened, once, with a custody log entry', async () => {
    const folder = tempFolder();
    const casePath = join(folder, 'case');
    const engine = newEngine();
    const session = await engine.openCase(casePath, true);
    await engine.startImport([writeTemp(folder, 'sms.xml', BACKUP)], {}).done;
    const [conversation] = await session.db.client.call('listConversations', {});
    expect(conversation?.participants).toEqual(['Dorin']);
    await engines.splice(0)[0]?.dispose();

    // As a case made before version 2 stored them.
    const db = new FileConnection(join(casePath, 'case.sqlite'), { mustExist: true });
    db.exec(`UPDATE chats SET participants = '["Dorin (+40 712-345-678)","Dorin (+40712345678)"]'; DELETE FROM case_meta WHERE key = 'derived.participantRules'`);
    db.close();

    const reopened = await newEngine().openCase(casePath, false);
    expect((await reopened.db.client.call('listConversations', {}))[0]?.participants).toEqual(['Dorin']);
    const remade = readFileSync(join(casePath, 'audit.jsonl'), 'utf8').split('\n').filter((line) => line.includes('"case.participants.remade"'));
    expect(remade.map((line) => (JSON.parse(line) as { details: unknown }).details)).toEqual([expect.objectContaining({ rulesVersion: 2, previous: 1, chats: 1 })]);
    await engines.splice(0)[0]?.dispose();

    // Once: opened again, nothing is listed again.
    await newEngine().openCase(casePath, false);
    expect(readFileSync(join(casePath, 'audit.jsonl'), 'utf8').split('\n').filter((line) => line.includes('"case.participants.remade"'))).toHaveLength(1);
  });
});
