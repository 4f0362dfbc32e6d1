/**
 * The commonest short words of each language: pronouns, articles, prepositions, particles,
 * question words, "now/today/tomorrow". Trigram models need a dozen words to speak; a chat line
 * often has four, and these words are most of them. Written from general knowledge of each
 * language, not from any evaluation file; chat spellings without diacritics are listed next to
 * the written ones where they differ after folding (shared/text/fold.ts folds both sides).
 *
 * Keys are public language codes; Latin-script lists of bul/rus/ukr are their romanised chat
 * forms (keyed `<lang>-Latn`). Words shared by several languages count for each, divided
 * among them (word-evidence.ts).
 */
export const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  eng: 'the a an and or but is are was were be been to of in on at for with you your u ur i me my we our he she it they them this that what where when how why not no yes do dont cant im will can have has get got just now today tomorrow here there if so all from up out send call please pls thanks later',
  ron: 'si sa nu da de la in cu pe pentru ca ce care eu tu el ea noi voi ei mi imi iti te ma esti este e sunt am ai are avem mai din unde cand cum acum azi maine bine doar tot toti dupa pana fara vreau trebuie ne le lui meu mea tau ta o un una asta aici foarte ceva nimic',
  pol: 'i w z na do nie tak to jest sa sie ze co jak gdzie kiedy dlaczego ja ty on ona my wy oni mi mnie ci cie ciebie tobie moj twoj ale albo czy jesli juz jeszcze tylko teraz jutro dzisiaj dzis bardzo tu tam tutaj bedzie mam masz ma jestem jestes po od dla przez o za bo no tez',
  deu: 'der die das und ist nicht ich du er sie es wir ihr mit auf fur von zu im in den dem ein eine einen was wo wann wie warum ja nein aber oder wenn schon noch nur jetzt morgen heute sehr hier da bin bist sind hast hat haben kann muss mir mich dir dich mein dein auch doch mal bitte',
  fra: 'le la les un une des et est pas ne je tu il elle on nous vous ils elles de du a au en dans pour avec sur que qui quoi ou quand comment pourquoi oui non mais si deja encore seulement maintenant demain aujourd tres ici la suis es sont ai as moi toi mon ma ton ta tes mes ca ce cette y bien',
  spa: 'el la los las un una y es no que de en a con por para yo tu el ella nosotros usted me te se mi su donde cuando como porque si pero o ya todavia solo ahora manana hoy muy aqui alli estoy estas esta soy eres son tengo tienes tiene voy vas va del al lo le nada',
  ita: 'il lo la i gli le un una e non che di da in con su per a io tu lui lei noi voi loro mi ti ci si mio mia tuo tua cosa dove quando come perche no ma o se gia ancora solo ora adesso domani oggi molto qui qua li sono sei siamo ho hai ha abbiamo del della al alla nel anche',
  nld: 'de het een en is niet ik je jij hij zij ze we wij jullie met op voor van te in naar wat waar wanneer hoe waarom ja nee maar of als al nog alleen nu morgen vandaag heel hier daar ben bent zijn heb hebt heeft kan moet mij me jou mijn jouw ook dat dit er om wel geen',
  hun: 'a az egy es nem is hogy meg de van vagy volt lesz en te o mi ti ok mit hol mikor hogyan miert igen ha mar csak most holnap ma nagyon itt ott vagyok vagyunk kell lehet nekem neked azt ezt ez mert sem minden fel le ki be',
  sqi: 'dhe e te ne nga me per nje nuk jam je eshte jemi ka kam ke kemi une ti ai ajo ju ata cfare ku kur si pse po jo por ose nese tashme ende vetem tani neser sot shume ketu atje mua ty tij saj im ime yt jote do mos qe se edhe',
  vie: 'va la cua co khong ko duoc toi em anh chi ban minh no ho gi dau khi nao sao thi ma nhung hay da roi con chi gio mai hom nay rat o day do cho voi di ve lam nhe oi a',
  por: 'o a os as um uma e nao que de em com por para eu tu voce ele ela nos eles me te se meu minha seu sua onde quando como porque sim mas ou ja ainda so agora amanha hoje muito aqui la estou esta sou sao tenho tem vou vai do da no na isso isto',
  tur: 've bir bu su o ben sen biz siz onlar ne nerede nerde zaman nasil neden niye evet hayir yok var ama veya ya eger daha sadece simdi yarin bugun cok burada orada icin ile de da mi mu degil beni seni bana sana benim senin gel git',
  ces: 'a je se na v ve s z ze do to co jak kde kdy proc ja ty on ona my vy oni mi me te tobe muj tvuj ale nebo jestli kdyz uz jeste jen ted zitra dnes moc velmi tady tam jsem jsi jsou mam mas ma bude neni pro od po',
  slk: 'a je sa na v vo s z do to ze co ako kde kedy preco ja ty on ona my vy oni mi ma ta tebe moj tvoj ale alebo ci ak uz este len teraz zajtra dnes velmi tu tam som si su mam mas ma bude nie pre od po',
  slv: 'in je se na v s z za da ne to ki kaj kje kdaj kako zakaj jaz ti on ona mi vi oni sem si smo so bo ima imam ampak ali ce ze se samo zdaj jutri danes zelo tukaj tam moj tvoj',
  srp: 'i u na da ne je se su sa za od do to ja ti on ona mi vi oni sta sto kako gde kada kad zasto ovde sada sad sutra danas ima nema hocu mogu treba mnogo samo ali ili ako vec jos moj tvoj',
  hrv: 'i u na da ne je se su sa za od do to ja ti on ona mi vi oni sto sta kako gdje kada kad zasto ovdje sada sad sutra danas ima nema hocu mogu treba puno samo ali ili ako vec jos moj tvoj',
  bos: 'i u na da ne je se su sa za od do to ja ti on ona mi vi oni sta sto kako gdje kada kad zasto ovdje sada sad sutra danas ima nema hocu mogu treba puno samo ali ili ako vec jos moj tvoj',
  lit: 'ir yra ne i is su kad kas kur kada kaip kodel as tu jis ji mes jus jie bet ar jau dar tik dabar rytoj siandien labai cia ten mano tavo esu buvo bus man tau taip',
  lav: 'un ir ne uz no ar par kas kur kad ka kapec es tu vins vina mes jus vini bet vai jau vel tikai tagad rit sodien loti seit tur mans tavs esmu esi bus man tev ja',
  est: 'ja on ei et see mis kus millal kuidas miks mina ma sina sa tema ta meie me teie te nad aga voi kui juba veel ainult nuud homme tana vaga siin seal minu sinu olen oled oli mul sul jah',
  fin: 'ja on ei etta se mita missa milloin miten miksi mina ma sina sa han me te he mutta tai jos jo viela vain nyt huomenna tanaan tosi todella taalla siella minun sinun olen olet oli kylla mulla sulla',
  swe: 'och ar inte jag du han hon vi ni de det den en ett med pa for av till i om vad var nar hur varfor ja nej men eller redan bara nu imorgon idag mycket har dar min din mig dig kan ska maste',
  dan: 'og er ikke jeg du han hun vi i de det den en et med pa for af til om hvad hvor hvornar hvordan hvorfor ja nej men eller hvis allerede kun nu morgen dag meget her der min din mig dig har kan skal',
  nob: 'og er ikke jeg du han hun vi dere de det den en et med pa for av til om hva hvor nar hvordan hvorfor ja nei men eller hvis allerede bare na morgen dag veldig her der min din meg deg har kan skal ma',
  ind: 'dan yang di ke dari ini itu tidak nggak gak aku saya kamu dia kami kita mereka apa mana kapan bagaimana gimana kenapa ya iya tapi atau kalau kalo sudah udah masih hanya cuma sekarang besok hari sangat banget sini sana punya ada bisa harus mau dengan untuk',
  zlm: 'dan yang di ke dari ini itu tidak tak aku saya kamu awak dia kami kita mereka apa mana bila bagaimana macam kenapa ya tapi atau kalau sudah dah masih hanya sekarang esok hari sangat sini sana ada boleh mesti mahu nak dengan untuk',
  tgl: 'ang ng sa mga na at ay hindi ako ikaw ka siya kami tayo sila ano saan kailan paano bakit oo pero o kung pa lang ngayon bukas araw dito doon ko mo niya namin natin may mayroon wala gusto kailangan po naman talaga',
  swh: 'na ya wa za kwa ni si hii hiyo mimi wewe yeye sisi ninyi wao nini wapi lini vipi ndiyo ndio hapana lakini au kama tayari bado tu sasa kesho leo sana hapa pale yangu yako nina una ana kuna hakuna nataka lazima',
  hau: 'da a na ta ba ne ce ni kai shi ita mu ku su me ina yaya yanzu gobe yau sosai nan can amma ko idan kawai zan za yi abin',
  yor: 'ati ni ti si fun pe ko mi o a won emi iwo oun awa eyin awon kini nibo nigba bawo idi beeni rara sugbon tabi ba nikan bayi ola oni pupo nibi nibe mo e',
  ibo: 'na ya nke ka ma ga m i o anyi unu ha gini ebee mgbe kedu maka ee mba mana obu ugbu echi taa ebe a',
  som: 'iyo ka ku u oo waa ma aan ah ayaan aniga adiga isaga iyada annaga idinka iyaga maxay xaggee goorma sidee maxaa haa maya laakiin ama haddii hadda berri maanta aad halkan halkaas waxaan waxaad',
  azj: 've bir bu o men sen biz siz onlar ne harada vaxt nece niye beli xeyr yox var amma ya eger daha ancaq indi sabah gun cox burada orada ucun ile menim senin',
  uzn: 'va bu u men sen biz siz ular nima qayerda qachon qanday nega ha yoq bor lekin yoki agar hali faqat hozir ertaga bugun juda yerda uchun bilan mening sening kerak',
  cat: 'el la els les un una i es no que de a en amb per jo tu ell ella nosaltres vosaltres ells em et meu meva teu teva on quan com perque si pero o ja encara nomes ara dema avui molt aqui alla soc ets som son tinc tens te vaig vas va del al ho hi',
  'bul-Latn': 'i da ne na za ot v vav s sas se shte sum sam si e sa sme ste az ti toi tq tya nie vie te mi me mu go q ya ni vi im kakvo kude kade kyde koga kak zashto tova tazi tozi tuk tam sega utre dnes nyama nqma ima iskam moje mozhe trqbva tryabva triabva mnogo samo no ili che veche oshte kaji kazhi dai ela',
  'rus-Latn': 'i v ne na ya ty on ona my vy oni chto shto eto kak gde kogda pochemu tak vse vsyo da net no ili esli uzhe uje eshche esche eshe tolko menya tebya tebe mne ego ee u s k po za iz ot do dlya o nu vot seichas seychas sejchas zavtra segodnya nado nuzhno mozhno budet est byl byla ochen tut tam zdes davai davay skazhi chtoby potom khorosho horosho kto',
  'ukr-Latn': 'i y ta v u ne na ya ty vin vona my vy vony shcho scho tse ce yak de koly chomu tak vse vsi ni ale abo yakshcho vzhe vje shche sche tilky tilki mene tebe tobi meni yoho yiyi z do dlya vid po za pro zaraz zavtra sohodni treba mozhna bude ye buv bula duzhe tut tam davai skazhy shchob potim dobre khto hto chy tezh takozh miy moya tviy tvoya',
  bul: 'и да не на за от в във с със се ще съм си е са сме сте аз ти той тя ние вие те ми ме му го я ни ви им какво къде кога как защо това тази този тук там сега утре днес няма има искам може трябва много само но или че който която моя мой твоя твой вече още кажи дай ела',
  rus: 'и в не на я ты он она мы вы они что это как где когда почему так все всё да нет но или если уже еще ещё только меня тебя тебе мне его ее её у с к по за из от до для о ну вот сейчас завтра сегодня надо нужно можно будет есть был была очень тут там здесь давай скажи чтобы потом хорошо кто',
  ukr: 'і й та в у не на я ти він вона ми ви вони що це як де коли чому так все всі ні але або якщо вже ще тільки мене тебе тобі мені його її з до для від по за про зараз завтра сьогодні треба можна буде є був була дуже тут там давай скажи щоб потім добре хто чи теж також мій моя твій твоя',
  'srp-Cyrl': 'и у на да не је се су са за од до то ја ти он она ми ви они шта што како где када зашто овде сада сутра данас има нема хоћу могу треба много само али или ако већ још мој твој',
  mkd: 'и во на да не е се си сум за од до тоа јас ти тој таа ние вие тие што како каде кога зошто тука сега утре денес има нема сакам може треба многу само но или ако веќе уште мој твој ќе',
  bel: 'і у ў на не я ты ён яна мы вы яны што гэта як дзе калі чаму так ўсё але ці ужо яшчэ толькі мяне цябе табе мне з да для ад па за пра зараз заўтра сёння трэба можна будзе ёсць вельмі тут там',
  arb: 'في من على إلى الى ما لا هذا هذه أن ان أنا انا أنت انت هو هي نحن كان عن مع لم لن قد كل هل أين اين متى كيف لماذا نعم لكن أو او إذا اذا الآن الان غدا اليوم جدا هنا هناك',
  pes: 'و در به از که این آن را با است من تو او ما شما آنها نه هم برای چه کجا کی چطور چرا بله آره ولی یا اگر الان فردا امروز خیلی اینجا آنجا هست نیست میخواهم باید',
  urd: 'اور میں کے کی کا ہے کو سے نہیں یہ وہ ہیں تم آپ ہم نے پر بھی کیا کہاں کب کیسے کیوں ہاں لیکن یا اگر ابھی کل آج بہت یہاں وہاں تھا تھی ہو',
};

/**
 * Words typed the same in every language's chats: interjections, app and brand names, units.
 * They are removed before scoring so "ok, vin" is judged on "vin" and "ok" alone on its context.
 */
export const NEUTRAL_WORDS: readonly string[] = [
  'ok', 'okay', 'okey', 'oki', 'k', 'kk', 'lol', 'lmao', 'haha+', 'hehe+', 'ahah+', 'xd+', 'xo+', 'wow', 'hm+', 'mm+', 'aha', 'ah', 'oh', 'eh',
  'whatsapp', 'viber', 'telegram', 'instagram', 'insta', 'facebook', 'fb', 'messenger', 'tiktok', 'snapchat', 'skype',
  'gps', 'sms', 'wifi', 'iban', 'vip', 'km', 'kg', 'h', 'eur', 'euro', 'usd', 'gbp',
];
