/**
 * Chat messages for the generated screenshots, per language: recruitment, travel and payment
 * talk of the kind Threadline triages, written for this benchmark (no real conversations).
 * The generator draws from them with a seeded PRNG, so every run renders the same images.
 */
export type BenchLanguage = 'eng' | 'ron' | 'rus';

export const NAMES: Record<BenchLanguage, string[]> = {
  eng: ['Mark Ellis', 'Jenny', 'Agency Anna', 'Tom Driver'],
  ron: ['Andrei Popescu', 'Ioana', 'Doamna Elena', 'Mihai Șofer'],
  rus: ['Сергей Иванов', 'Оксана', 'Агент Марина', 'Виктор'],
};

export const MESSAGES: Record<BenchLanguage, string[]> = {
  eng: [
    'Hi, is the job in Milan still available?',
    'Yes, we need two girls for the restaurant.',
    'The pay is 2000 euros a month plus a room.',
    'Do I need to speak Italian?',
    'No, you only serve drinks to the guests.',
    'Send me a photo of your passport first.',
    'Why do you need my passport?',
    'For the work contract and the plane ticket.',
    'The flight leaves on Friday at 6 in the morning.',
    'Someone will wait for you at the airport.',
    'How much is the ticket?',
    'We pay it now and you return the money later.',
    'My mother does not want me to go.',
    'Do not tell her about the details yet.',
    'Delete these messages after you read them.',
    'Can my friend Maria come with me?',
    'Only if she is older than 18.',
    'Where will we live in the first week?',
    'In an apartment near the station, 4 girls in one room.',
    'Call me tonight on the other number.',
    'I sent you 150 euros for the bus.',
    'Thank you, I will be ready at 7.',
    'Bring only one small bag.',
    'The boss keeps the documents in the office.',
    'When do I get my first salary?',
    'After you pay back the debt for the trip.',
    'The address is 24 Via Roma, second floor.',
    'Please answer, I am worried.',
    'Everything is fine, the work starts tomorrow.',
    'Do not talk to the police or the neighbours.',
  ],
  ron: [
    'Bună, mai este valabil postul din Italia?',
    'Da, căutăm două fete pentru restaurant.',
    'Salariul este 2000 de euro pe lună și cazare.',
    'Trebuie să vorbesc italiană?',
    'Nu, doar serviți băuturi la clienți.',
    'Trimite-mi mai întâi o poză cu pașaportul.',
    'De ce ai nevoie de pașaportul meu?',
    'Pentru contractul de muncă și biletul de avion.',
    'Zborul pleacă vineri la ora șase dimineața.',
    'Cineva te va aștepta la aeroport.',
    'Cât costă biletul?',
    'Îl plătim acum și tu dai banii înapoi mai târziu.',
    'Mama nu vrea să plec.',
    'Nu-i spune încă toate detaliile.',
    'Șterge mesajele după ce le citești.',
    'Poate să vină și prietena mea Maria?',
    'Doar dacă are peste 18 ani.',
    'Unde vom locui în prima săptămână?',
    'Într-un apartament lângă gară, patru fete într-o cameră.',
    'Sună-mă diseară pe celălalt număr.',
    'Ți-am trimis 150 de euro pentru autobuz.',
    'Mulțumesc, voi fi gata la ora șapte.',
    'Ia doar o geantă mică.',
    'Șeful ține actele în birou.',
    'Când primesc primul salariu?',
    'După ce plătești datoria pentru drum.',
    'Adresa este strada Roma 24, etajul doi.',
    'Te rog răspunde, sunt îngrijorată.',
    'Totul este în regulă, munca începe mâine.',
    'Nu vorbi cu poliția sau cu vecinii.',
  ],
  rus: [
    'Привет, работа в Москве ещё есть?',
    'Да, нам нужны две девушки в кафе.',
    'Зарплата 50000 рублей в месяц и жильё.',
    'Нужно знать английский язык?',
    'Нет, ты просто будешь носить напитки гостям.',
    'Сначала пришли мне фото паспорта.',
    'Зачем тебе мой паспорт?',
    'Для договора и билета на самолёт.',
    'Самолёт вылетает в пятницу в шесть утра.',
    'Тебя встретят в аэропорту.',
    'Сколько стоит билет?',
    'Мы платим сейчас, а ты вернёшь деньги потом.',
    'Мама не хочет, чтобы я уезжала.',
    'Пока не рассказывай ей подробности.',
    'Удали эти сообщения после прочтения.',
    'Можно моей подруге Маше поехать со мной?',
    'Только если ей больше 18 лет.',
    'Где мы будем жить первую неделю?',
    'В квартире у вокзала, четыре девушки в комнате.',
    'Позвони мне вечером на другой номер.',
    'Я отправил тебе 150 евро на автобус.',
    'Спасибо, я буду готова в семь.',
    'Возьми только одну маленькую сумку.',
    'Начальник держит документы в офисе.',
    'Когда я получу первую зарплату?',
    'Когда вернёшь долг за дорогу.',
    'Адрес: улица Ленина 24, второй этаж.',
    'Пожалуйста, ответь, я волнуюсь.',
    'Всё хорошо, работа начинается завтра.',
    'Не говори с полицией и соседями.',
  ],
};

/** Mulberry32: tiny, fast and good enough to pick messages reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
