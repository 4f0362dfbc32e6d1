import { describe, expect, it } from 'vitest';
import { conceptsForWord } from '../../../../shared/concepts/index.ts';

/**
 * Typical words of each language, inflected and as typed in chats, and the concept each must
 * map to. Examples written for this test, not copied from the lexicon: they check stems and
 * folding as much as the word lists.
 */
const EXAMPLES: Record<string, [string, string][]> = {
  eng: [['passports', 'passport-id-papers'], ['owes', 'debt-owing'], ['payments', 'money-payment'], ['location', 'location-address'], ['cops', 'police'],
    ['pics', 'photos-videos'], ['shifts', 'job-work'], ['flat', 'apartment-room'], ['clients', 'client-customer'], ['tickets', 'ticket-travel'], ['killing', 'threat-violence'], ['wages', 'wage-salary']],
  ron: [['pașaportul', 'passport-id-papers'], ['buletinul', 'passport-id-papers'], ['datoria', 'debt-owing'], ['banii', 'money-payment'], ['locatia', 'location-address'], ['poliția', 'police'],
    ['pozele', 'photos-videos'], ['muncești', 'job-work'], ['chiria', 'apartment-room'], ['clienții', 'client-customer'], ['biletul', 'ticket-travel'], ['te omor', 'threat-violence'], ['salariul', 'wage-salary']],
  bul: [['паспорта', 'passport-id-papers'], ['pasporta', 'passport-id-papers'], ['дължиш', 'debt-owing'], ['dalzhish', 'debt-owing'], ['парите', 'money-payment'], ['pari', 'money-payment'],
    ['локацията', 'location-address'], ['полицията', 'police'], ['policiyata', 'police'], ['снимки', 'photos-videos'], ['работа', 'job-work'], ['стаята', 'apartment-room'],
    ['клиенти', 'client-customer'], ['билетите', 'ticket-travel'], ['ще те убия', 'threat-violence'], ['заплатата', 'wage-salary']],
  rus: [['паспорт', 'passport-id-papers'], ['pasport', 'passport-id-papers'], ['долг', 'debt-owing'], ['dolg', 'debt-owing'], ['деньги', 'money-payment'], ['геолокацию', 'location-address'],
    ['ментов', 'police'], ['фотки', 'photos-videos'], ['работу', 'job-work'], ['квартиру', 'apartment-room'], ['kvartira', 'apartment-room'], ['клиентов', 'client-customer'],
    ['билеты', 'ticket-travel'], ['убью', 'threat-violence'], ["ub'yu", 'threat-violence'], ['зарплату', 'wage-salary']],
  ukr: [['паспорт', 'passport-id-papers'], ['борг', 'debt-owing'], ['borg', 'debt-owing'], ['гроші', 'money-payment'], ['hroshi', 'money-payment'], ['локацію', 'location-address'],
    ['поліція', 'police'], ['фото', 'photos-videos'], ['працюєш', 'job-work'], ['квартиру', 'apartment-room'], ['клієнта', 'client-customer'], ['квиток', 'ticket-travel'],
    ["вб'ю", 'threat-violence'], ['зарплату', 'wage-salary']],
  pol: [['paszportu', 'passport-id-papers'], ['dowód', 'passport-id-papers'], ['długu', 'debt-owing'], ['pieniądze', 'money-payment'], ['kasę', 'money-payment'], ['lokalizację', 'location-address'],
    ['policji', 'police'], ['zdjęcia', 'photos-videos'], ['pracy', 'job-work'], ['mieszkanie', 'apartment-room'], ['klienci', 'client-customer'], ['bilety', 'ticket-travel'],
    ['zabiję', 'threat-violence'], ['wypłata', 'wage-salary']],
  deu: [['Reisepass', 'passport-id-papers'], ['Ausweis', 'passport-id-papers'], ['Schulden', 'debt-owing'], ['Geld', 'money-payment'], ['Standort', 'location-address'], ['Polizei', 'police'],
    ['Fotos', 'photos-videos'], ['Arbeit', 'job-work'], ['Wohnung', 'apartment-room'], ['Kunden', 'client-customer'], ['Flugticket', 'ticket-travel'], ['umbringen', 'threat-violence'], ['Lohn', 'wage-salary']],
  fra: [['passeport', 'passport-id-papers'], ['papiers', 'passport-id-papers'], ['dette', 'debt-owing'], ['fric', 'money-payment'], ['localisation', 'location-address'], ['flics', 'police'],
    ['photos', 'photos-videos'], ['boulot', 'job-work'], ['appart', 'apartment-room'], ['clients', 'client-customer'], ['billets', 'ticket-travel'], ['tuer', 'threat-violence'], ['salaire', 'wage-salary']],
  spa: [['pasaporte', 'passport-id-papers'], ['papeles', 'passport-id-papers'], ['deuda', 'debt-owing'], ['dinero', 'money-payment'], ['ubicación', 'location-address'], ['policía', 'police'],
    ['fotos', 'photos-videos'], ['trabajo', 'job-work'], ['piso', 'apartment-room'], ['clientes', 'client-customer'], ['billete', 'ticket-travel'], ['te mato', 'threat-violence'], ['sueldo', 'wage-salary']],
  ita: [['passaporto', 'passport-id-papers'], ['documenti', 'passport-id-papers'], ['debito', 'debt-owing'], ['soldi', 'money-payment'], ['posizione', 'location-address'], ['polizia', 'police'],
    ['video', 'photos-videos'], ['lavoro', 'job-work'], ['appartamento', 'apartment-room'], ['clienti', 'client-customer'], ['biglietto', 'ticket-travel'], ['ammazzo', 'threat-violence'], ['stipendio', 'wage-salary']],
  nld: [['paspoort', 'passport-id-papers'], ['schulden', 'debt-owing'], ['geld', 'money-payment'], ['locatie', 'location-address'], ['politie', 'police'], ['foto', 'photos-videos'],
    ['werkgever', 'job-work'], ['kamer', 'apartment-room'], ['klanten', 'client-customer'], ['vliegtuig', 'ticket-travel'], ['vermoorden', 'threat-violence'], ['loon', 'wage-salary']],
  hun: [['útlevelet', 'passport-id-papers'], ['utlevelet', 'passport-id-papers'], ['tartozol', 'debt-owing'], ['pénzt', 'money-payment'], ['hol vagy', 'location-address'], ['rendőrség', 'police'],
    ['képeket', 'photos-videos'], ['munkát', 'job-work'], ['lakás', 'apartment-room'], ['ügyfelek', 'client-customer'], ['repülőjegy', 'ticket-travel'], ['megöllek', 'threat-violence'], ['fizetés', 'wage-salary']],
  sqi: [['pasaportën', 'passport-id-papers'], ['borxhin', 'debt-owing'], ['paratë', 'money-payment'], ['lokacionin', 'location-address'], ['policia', 'police'], ['fotot', 'photos-videos'],
    ['punë', 'job-work'], ['dhoma', 'apartment-room'], ['klientët', 'client-customer'], ['biletën', 'ticket-travel'], ['të vras', 'threat-violence'], ['rroga', 'wage-salary']],
  vie: [['hộ chiếu', 'passport-id-papers'], ['trả nợ', 'debt-owing'], ['tiền mặt', 'money-payment'], ['vị trí', 'location-address'], ['công an', 'police'], ['hình ảnh', 'photos-videos'],
    ['việc làm', 'job-work'], ['khách sạn', 'apartment-room'], ['khách hàng', 'client-customer'], ['vé máy bay', 'ticket-travel'], ['giết', 'threat-violence'], ['tiền lương', 'wage-salary']],
};

describe.each(Object.entries(EXAMPLES))('concepts in %s', (lang, examples) => {
  it.each(examples)('%s -> %s', (word, concept) => {
    expect(conceptsForWord(word, lang)).toContain(concept);
  });

  it('also without naming the language', () => {
    for (const [word, concept] of examples) expect(conceptsForWord(word), word).toContain(concept);
  });
});

describe('words that must not map to concepts', () => {
  it('leave everyday words alone', () => {
    for (const [word, lang] of [['megoldás', 'hun'], ['werkelijk', 'nld'], ['stellen', 'deu'], ['nëntë', 'sqi'], ['anyag', 'hun'], ['mam', 'pol'], ['training', 'eng']] as const) {
      expect(conceptsForWord(word, lang), word).toEqual([]);
    }
  });
});
