import { describe, expect, it } from 'vitest';
import { EmailThreads, normaliseSubject, readDeliveryStatus } from '../../../../../workers/import/email/index.ts';

const facts = (messageId: string | null, inReplyTo: string | null, references: string[], subject: string | null) => ({ messageId, inReplyTo, references, subject });

describe('e-mail threads', () => {
  it('names a thread after its root, so a reply read before its original still joins it', () => {
    const threads = new EmailThreads();
    expect(threads.assign(facts('<r2@x>', '<r1@x>', ['<root@x>', '<r1@x>'], 'Re: Re: plan'), '0')).toEqual({ key: 'id:root@x', byId: true, isNew: true });
    expect(threads.assign(facts('<root@x>', null, [], 'plan'), '1')).toEqual({ key: 'id:root@x', byId: true, isNew: false });
    // Only In-Reply-To, pointing at a reply seen before: the map of ids seen so far finds the thread.
    expect(threads.assign(facts('<r3@x>', '<r2@x>', [], 'Re: plan'), '2').key).toBe('id:root@x');
  });

  it('falls back to the normalised subject only when a message has no ids', () => {
    const threads = new EmailThreads();
    expect(threads.assign(facts(null, null, [], 'Bilete'), '0').key).toBe('subject:bilete');
    expect(threads.assign(facts(null, null, [], 'AW: RE:  bilete'), '1').key).toBe('subject:bilete');
    expect(threads.assign(facts('<own@x>', null, [], 'Bilete'), '2').key).toBe('id:own@x');
    expect(threads.assign(facts(null, null, [], null), '77').key).toBe('message:77');
  });

  it('strips reply and forward prefixes in several languages', () => {
    expect(normaliseSubject('Re: Fwd: SV: Отв: Plan  B')).toBe('plan b');
    expect(normaliseSubject('RE[2]: x')).toBe('x');
  });
});

describe('delivery status reports', () => {
  it('reads report fields and one block per recipient, folded lines joined', () => {
    const status = readDeliveryStatus('Reporting-MTA: dns; mx.example\nArrival-Date: Mon, 1 Jan 2024 00:00:00 +0000\n\nFinal-Recipient: rfc822; a@x\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 no such\n user\n\nFinal-Recipient: rfc822; b@x\nAction: delayed\nStatus: 4.4.7\n');
    expect(status).toEqual({
      report: { 'reporting-mta': 'dns; mx.example', 'arrival-date': 'Mon, 1 Jan 2024 00:00:00 +0000' },
      recipients: [
        { 'final-recipient': 'rfc822; a@x', action: 'failed', status: '5.1.1', 'diagnostic-code': 'smtp; 550 no such user' },
        { 'final-recipient': 'rfc822; b@x', action: 'delayed', status: '4.4.7' },
      ],
    });
  });

  it('stores a field named __proto__ as data', () => {
    const status = readDeliveryStatus('Final-Recipient: rfc822; a@x\n__proto__: polluted\n');
    expect(Object.getPrototypeOf(status.recipients[0])).toBe(Object.prototype);
    expect(status.recipients[0]?.['__proto__']).toBe('polluted');
  });
});
