/**
 * Frequent everyday words of the 14 languages Threadline's cases meet most, beyond the function
 * words (function-words.ts): greetings, thanks, yes/no particles, time, money, work, travel,
 * family, food, feelings and chat abbreviations, in the spellings people type on phones. A chat
 * message is often one or two words ("mersi", "jutro", "дякую"), too short for trigram models;
 * a word only one language uses settles it, a word several use divides its weight among them.
 *
 * Written for Threadline from general knowledge of each language (no corpus was copied; see
 * docs/adr/0010-language-identification-with-fasttext.md for sources and licences). Matching is on folded
 * words (shared/text/fold.ts), so diacritics need not be listed twice. Keys are public ISO 639-3
 * codes; `<lang>-Latn` holds the romanised chat forms of a Cyrillic language.
 */
export const COMMON_WORDS: Readonly<Record<string, string>> = {
  eng: `hello hi hey bye goodbye thanks thank sorry please yes yeah yep nope okay sure maybe tomorrow yesterday tonight morning evening night
    week weekend month year time hour minute money cash pay paid bank account card price cheap expensive rent bill job work working boss shift
    office meeting contract salary wage travel trip ticket flight train bus taxi airport station hotel passport visa border car drive home house
    room flat apartment street city family mother mum mom father dad brother sister son daughter wife husband baby kids children friend girl boy
    guy man woman people food eat drink water coffee tea beer dinner lunch breakfast bread good bad great nice fine cool awesome lovely happy sad
    tired sick hungry scared angry love miss want need know think tell say said told ask call text message phone photo picture send sent come
    going go went coming leave left stay wait waiting meet see look find lost help give take bring buy bought sell make made fix open close
    start finish stop again still already soon late early never always something nothing everything someone nobody anyone why because really
    very much many little more less better worse first last next other same new old big small right wrong true police lawyer court debt owe
    borrow lend problem trouble safe careful worry tonight lol omg btw idk thx pls plz gonna wanna gotta ya dunno cya`,
  ron: `salut buna servus pa mersi multumesc multumim scuze scuza iarta te rog va rog da nu ba sigur poate maine ieri azi diseara dimineata seara
    noapte saptamana weekend luna anul timp ora minute bani banii plata platesc platit banca contul cardul pret ieftin scump chirie factura munca
    lucrez lucru serviciu sef seful tura birou sedinta contract salariu salariul leafa calatorie bilet bilete zbor tren autobuz autocar taxi
    aeroport gara hotel pasaport viza granita masina masini conduc casa acasa camera apartament strada oras familie mama mamica tata frate
    fratele sora sora-mea fiul fiica sotia sotul copil copii copiii prieten prietena fata fete baiat baiatul omul femeie oameni mancare mananc
    mancat bea apa cafea ceai bere cina pranz micul paine bun buna rau rea super frumos frumoasa fericit trist obosit obosita bolnav flamand
    speriat suparat iubesc iubito iubire dor vreau trebuie stiu cred spune zis zi intreaba suna sunat mesaj telefon poza trimite trimis vino
    vin vii venit pleaca plecat plec stai astept asteapta intalnim vezi uita gasesc pierdut ajuta da-mi ia adu cumpara cumparat vinde face
    facut repara deschide inchide incepe termina gata iar inca deja curand tarziu devreme niciodata mereu ceva nimic tot toate cineva nimeni
    oricine fiindca pentru deoarece chiar foarte mult multi putin mai bine bine rau primul ultimul urmatorul alt alta acelasi nou vechi mare
    mic corect gresit adevarat politia avocat tribunal datorie datorez imprumut problema necaz sigur atent griji frate fra bv nsh pwp ms msg
    sa ce faci unde esti cand cat cum imediat acum dupa inainte suna-ma vorbim`,
  bul: `здравей здрасти здрасте чао благодаря мерси извинявай извинете моля да не добре разбира може утре вчера днес довечера сутринта вечерта
    нощ седмица уикенд месец година време час минути пари кеш плащам платих банка сметка карта цена евтино скъпо наем сметката работа работя
    шеф шефът смяна офис среща договор заплата пътуване билет билети полет влак автобус такси летище гара хотел паспорт виза граница кола
    карам вкъщи къща стая апартамент улица град семейство майка мама баща татко брат сестра син дъщеря жена съпруг бебе деца приятел приятелка
    момиче момче човек хора храна ядене ям пия вода кафе чай бира вечеря обяд закуска хляб хубаво лошо страхотно яко щастлив тъжен уморен
    болен гладен обичам липсваш искам трябва знам мисля кажи каза питай звънни обади съобщение телефон снимка прати пратих ела идвам дойде
    тръгвам остани чакам чакай видим виж намеря загубих помогни дай вземи донеси купи купих продам направи оправи отвори затвори започне
    свърши пак още вече скоро късно рано никога винаги нещо нищо всичко някой никой защото наистина много малко повече по-добре първи
    последен следващ друг нов стар голям малък вярно полиция адвокат съд дълг дължа заем проблем внимавай притеснявай брат мерси ок`,
  'bul-Latn': `zdravei zdrasti chao blagodarq blagodarya merci izvinyavai molya dobre utre vchera dnes dovechera sutrinta vecherta pari
    plashtam banka smetka rabota rabotq shefa smqna zaplata bilet vlak avtobus taksi letishteto garata hotel pasport kola vkushti kushta staq
    semeistvo maika mama tatko brat sestra deca priqtel priqtelka momiche momche hora hrana qm piq voda kafe bira vecherq hlqb hubavo losho
    strahotno qko umoren obicham lipsvash iskam trqbva znam mislq kaji kaza zvanni saobshtenie telefon snimka prati ela idvam tragvam chakam
    vij namerq pomogni dai vzemi kupi napravi pak oshte veche skoro kasno rano nikoga vinagi neshto nishto vsichko nqkoi nikoi zashtoto
    naistina mnogo malko drug nov star golqm malak vqrno policiq dalg dalja problem vnimavai`,
  rus: `привет здравствуй здравствуйте пока спасибо спс извини извините прости пожалуйста да нет ага неа конечно может завтра вчера сегодня
    вечером утром ночью неделя выходные месяц год время час минут деньги бабки наличка плачу заплатил банк счёт карта цена дёшево дорого
    аренда квартплата работа работаю начальник шеф смена офис встреча договор зарплата поездка билет билеты рейс поезд автобус такси
    аэропорт вокзал гостиница паспорт виза граница машина дома домой квартира комната улица город семья мама мать папа отец брат сестра сын
    дочь жена муж ребёнок дети друг подруга девушка парень мужик люди еда есть пить вода кофе чай пиво ужин обед завтрак хлеб хорошо плохо
    отлично классно круто счастлив грустно устал болею голодный боюсь люблю скучаю хочу надо нужно знаю думаю скажи сказал спроси позвони
    звони сообщение телефон фото фотка отправь скинь приходи приеду приехал уезжаю останься жди ждать встретимся смотри найти потерял помоги
    дай возьми принеси купи купил продать сделай почини открой закрой начать закончить опять ещё уже скоро поздно рано никогда всегда
    что-то ничего всё кто-то никто потому правда очень много мало больше лучше первый последний следующий другой новый старый большой
    маленький правильно полиция адвокат суд долг должен должна занять проблема осторожно переживай норм ок щас чё пж спс`,
  'rus-Latn': `privet zdravstvui poka spasibo izvini prosti pozhaluista pojaluista da net konechno mozhet zavtra vchera segodnya vecherom utrom
    nedelya vremya chas dengi babki plachu bank karta rabota rabotayu nachalnik smena zarplata bilet poezd avtobus taksi aeroport vokzal
    gostinitsa pasport viza granitsa mashina doma domoi kvartira komnata gorod semya mama papa brat sestra deti drug podruga devushka paren
    lyudi eda pit voda kofe chai pivo uzhin obed khleb hleb khorosho horosho plokho ploho otlichno klassno kruto ustal lyublyu lublu skuchayu
    khochu hochu nado nuzhno znayu dumayu skazhi skazal pozvoni zvoni soobshchenie telefon foto skin prikhodi priedu uezzhayu zhdi smotri
    poteryal pomogi dai vozmi kupi sdelai opyat yeshche uzhe skoro pozdno rano nikogda vsegda chto-to nichego vse kto-to nikto potomu pravda
    ochen mnogo malo bolshe luchshe drugoi novyi staryi bolshoi malenkii politsiya dolg dolzhen problema ostorozhno norm shas chyo`,
  ukr: `привіт вітаю бувай па дякую дякуєм вибач вибачте перепрошую будь ласка так ні ага звісно може завтра вчора сьогодні ввечері зранку
    вночі тиждень вихідні місяць рік час година хвилин гроші готівка плачу заплатив банк рахунок картка ціна дешево дорого оренда робота
    працюю начальник шеф зміна офіс зустріч договір зарплата поїздка квиток квитки рейс потяг автобус таксі аеропорт вокзал готель паспорт
    віза кордон машина вдома додому квартира кімната вулиця місто родина сім'я мама мати тато батько брат сестра син донька дружина чоловік
    дитина діти друг подруга дівчина хлопець люди їжа їсти пити вода кава чай пиво вечеря обід сніданок хліб добре погано чудово класно
    круто щасливий сумно втомився хворію голодний боюся кохаю люблю сумую хочу треба знаю думаю скажи сказав спитай подзвони дзвони
    повідомлення телефон фото фотка надішли скинь приходь приїду приїхав їду залишся чекай зустрінемося дивись знайти загубив допоможи дай
    візьми принеси купи купив продати зроби полагодь відкрий закрий почати закінчити знову ще вже скоро пізно рано ніколи завжди щось
    нічого все хтось ніхто тому правда дуже багато мало більше краще перший останній наступний інший новий старий великий маленький
    правильно поліція адвокат суд борг винен позичити проблема обережно хвилюйся норм ок зараз шо чо`,
  'ukr-Latn': `pryvit vitayu buvai diakuiu dyakuyu vybach pereproshuyu bud laska tak ni zvisno mozhe zavtra vchora sohodni vvecheri zranku
    tyzhden hodyna hroshi hroshei plachu bank kartka robota pratsyuyu nachalnyk zmina zarplata kvytok potyah avtobus taksi aeroport vokzal
    hotel pasport viza kordon mashyna vdoma dodomu kvartyra kimnata misto rodyna mama tato brat sestra dity druh podruha divchyna khlopets
    lyudy yizha pyty voda kava chai pyvo vecherya obid khlib dobre pohano chudovo klasno vtomyvsya kokhayu sumuyu khochu treba znayu dumayu
    skazhy pozvoni dzvony povidomlennia foto pryikhaty chekai dyvys dopomozhy daj vizmy kupy zroby znovu vzhe skoro pizno rano nikoly zavzhdy
    shchos nichoho vse khtos nikhto tomu pravda duzhe bahato malo bilshe krashche inshyi novyi velykyi malenkyi politsiya borh problema`,
  pol: `czesc hej siema elo pa nara dzieki dziekuje przepraszam sorki prosze tak nie no jasne moze jutro wczoraj dzisiaj dzis wieczorem rano
    noc tydzien weekend miesiac rok czas godzina minut pieniadze kasa hajs gotowka place zaplacilem bank konto karta cena tanio drogo czynsz
    rachunek praca pracuje robota szef zmiana biuro spotkanie umowa wyplata pensja podroz bilet lot pociag autobus taksowka lotnisko dworzec
    hotel paszport wiza granica samochod auto jade dom domu pokoj mieszkanie ulica miasto rodzina mama mamo tata tato brat siostra syn corka
    zona maz dziecko dzieci kolega kolezanka dziewczyna chlopak facet ludzie jedzenie jesc pic woda kawa herbata piwo kolacja obiad sniadanie
    chleb dobrze zle super swietnie fajnie spoko szczesliwy smutny zmeczony chory glodny boje kocham tesknie chce musze wiem mysle powiedz
    powiedzial zapytaj zadzwon dzwon wiadomosc telefon zdjecie fotka wyslij wyslalem przyjdz przyjade przyjechalem wyjezdzam zostan czekam
    czekaj spotkamy zobacz znalezc zgubilem pomoz daj wez przynies kup kupilem sprzedac zrob napraw otworz zamknij zaczac skonczyc znowu
    jeszcze juz zaraz pozno wczesnie nigdy zawsze cos nic wszystko ktos nikt bo dlatego naprawde bardzo duzo malo wiecej lepiej pierwszy
    ostatni nastepny inny nowy stary duzy maly dobry zly policja adwokat sad dlug winien pozyczyc problem uwazaj martw spoko nwm wgl xd`,
  deu: `hallo hi hey servus moin tschuss tschau danke dankeschon sorry entschuldigung bitte ja jo nee nein klar vielleicht morgen gestern
    heute abend morgens nachts woche wochenende monat jahr zeit stunde minuten geld kohle bar bezahlen bezahlt bank konto karte preis billig
    teuer miete rechnung arbeit arbeite job chef schicht buro termin vertrag gehalt lohn reise ticket flug zug bus taxi flughafen bahnhof
    hotel pass reisepass visum grenze auto fahren hause haus zimmer wohnung strasse stadt familie mama mutter papa vater bruder schwester sohn
    tochter frau mann baby kinder freund freundin madchen junge typ leute essen trinken wasser kaffee tee bier abendessen mittag fruhstuck
    brot gut schlecht super toll geil schon glucklich traurig mude krank hunger angst liebe vermisse will mochte brauche weiss glaube denke
    sag sagte frag ruf anrufen nachricht handy foto bild schick schicke komm komme gekommen fahre bleib warte warten treffen siehst schau
    finden verloren hilf gib nimm bring kaufen gekauft verkaufen machen gemacht reparieren auf zu anfangen fertig wieder noch schon bald spat
    fruh nie immer etwas nichts alles jemand niemand weil wirklich sehr viel viele wenig mehr besser erste letzte nachste andere neu alt gross
    klein richtig falsch stimmt polizei anwalt gericht schulden schulde leihen problem vorsicht sorgen lg hdl vlt ka bzw`,
  fra: `bonjour salut coucou bonsoir merci pardon desole excuse stp svp oui ouais non nan bien sur peut-etre demain hier aujourd'hui soir matin
    nuit semaine week-end mois an annee temps heure minutes argent thune fric liquide payer paye banque compte carte prix cher loyer facture
    travail boulot taf bosser patron chef service bureau reunion contrat salaire paie voyage billet vol train bus taxi aeroport gare hotel
    passeport visa frontiere voiture conduire maison chez chambre appart appartement rue ville famille maman mere papa pere frere soeur fils
    fille femme mari bebe enfants gosses ami amie copine copain mec gars gens manger bouffe boire eau cafe the biere diner dejeuner
    petit-dejeuner pain bon mauvais super genial cool content triste fatigue crevé malade faim peur aime manques veux faut sais pense dis
    dit demande appelle appeler message telephone portable photo envoie envoye viens arrive parti pars reste attends attendre retrouve vois
    regarde trouver perdu aide donne prends ramene acheter achete vendre faire fait reparer ouvre ferme commencer finir encore deja bientot
    tard tot jamais toujours quelque rien tout quelqu'un personne parce vraiment tres beaucoup peu plus mieux premier dernier prochain autre
    meme nouveau vieux grand petit vrai faux police avocat tribunal dette dois preter probleme attention inquiete mdr ptdr jsp tkt bcp pk`,
  spa: `hola buenas adios chao gracias perdon perdona lo siento porfa por favor si vale no claro quizas manana ayer hoy noche tarde semana
    finde mes ano tiempo hora minutos dinero pasta efectivo pagar pague banco cuenta tarjeta precio barato caro alquiler factura trabajo
    curro trabajando jefe turno oficina reunion contrato sueldo nomina viaje billete vuelo tren autobus taxi aeropuerto estacion hotel
    pasaporte visado frontera coche conducir casa habitacion piso calle ciudad familia mama madre papa padre hermano hermana hijo hija mujer
    marido bebe ninos amigo amiga novia novio chico chica tio tia gente comida comer beber agua cafe te cerveza cena almuerzo desayuno pan
    bien mal genial guay feliz triste cansado enfermo hambre miedo quiero echo necesito se creo pienso dime dijo pregunta llama llamar mensaje
    movil foto manda mandame ven vengo vino voy vete quedate espera esperar quedamos ves mira encontrar perdi ayuda dame toma trae comprar
    compre vender hacer hecho arreglar abre cierra empezar terminar otra vez todavia ya pronto temprano nunca siempre algo nada todo alguien
    nadie porque verdad muy mucho muchos poco mas mejor primero ultimo siguiente otro mismo nuevo viejo grande pequeno cierto policia abogado
    juzgado deuda debo prestar problema cuidado preocupes jaja xq tb tmb q k bss luego despues antes ahorita llamame hablamos`,
  ita: `ciao salve buongiorno buonasera grazie scusa scusami perdono per favore prego si no certo forse domani ieri oggi stasera mattina notte
    settimana weekend mese anno tempo ora minuti soldi contanti pagare pagato banca conto carta prezzo economico caro affitto bolletta
    lavoro lavoro capo turno ufficio riunione contratto stipendio viaggio biglietto volo treno autobus pullman taxi aeroporto stazione
    albergo hotel passaporto visto frontiera macchina guidare casa camera appartamento via citta famiglia mamma madre papa padre fratello
    sorella figlio figlia moglie marito bimbo bambini amico amica ragazza ragazzo tipo gente cibo mangiare bere acqua caffe te birra cena
    pranzo colazione pane bene male benissimo fantastico figo felice triste stanco malato fame paura amo manchi voglio devo serve so credo
    penso dimmi detto chiedi chiama chiamare messaggio telefono cellulare foto manda mandami vieni vengo venuto parto vado resta aspetta
    aspettare vediamo guarda trovare perso aiuta dammi prendi porta comprare comprato vendere fare fatto aggiustare apri chiudi iniziare
    finire ancora gia presto tardi mai sempre qualcosa niente tutto qualcuno nessuno perche davvero molto tanto tanti poco piu meglio primo
    ultimo prossimo altro stesso nuovo vecchio grande piccolo vero falso polizia avvocato tribunale debito devo prestare problema attento
    preoccupare cmq nn xke tvb ke dopo prima subito chiamami sentiamo`,
  nld: `hallo hoi hey doei dag tot dank bedankt sorry excuses alsjeblieft alstublieft ja jawel nee tuurlijk misschien morgen gisteren vandaag
    vanavond ochtend nacht week weekend maand jaar tijd uur minuten geld contant betalen betaald bank rekening pinpas prijs goedkoop duur
    huur rekening werk werken baan baas dienst kantoor vergadering contract salaris loon reis kaartje vlucht trein bus taxi vliegveld station
    hotel paspoort visum grens auto rijden thuis huis kamer appartement straat stad familie mama moeder papa vader broer zus zoon dochter
    vrouw man baby kinderen vriend vriendin meisje jongen gast mensen eten drinken water koffie thee bier avondeten lunch ontbijt brood goed
    slecht super geweldig leuk gaaf blij verdrietig moe ziek honger bang hou mis wil moet nodig weet denk zeg zei vraag bel bellen bericht
    telefoon foto stuur komen kom gekomen vertrek ga blijf wacht wachten afspreken zie kijk vinden kwijt help geef pak breng kopen gekocht
    verkopen maken gemaakt repareren open dicht beginnen klaar weer nog al straks laat vroeg nooit altijd iets niks niets alles iemand
    niemand omdat echt heel veel weinig meer beter eerste laatste volgende andere zelfde nieuw oud groot klein klopt politie advocaat
    rechtbank schuld schuldig lenen probleem voorzichtig zorgen gezellig lekker jammer hoor toch effe ff wss idd`,
  hun: `szia sziasztok hello csao viszlat koszi koszonom bocsi bocsanat legyszi kerlek igen aha nem persze talan holnap tegnap ma ma este
    reggel ejjel het hetvege honap ev ido ora perc penz keszpenz fizetek fizettem bank szamla kartya ar olcso draga alberlet lakber munka
    dolgozom melo fonok muszak iroda megbeszeles szerzodes fizetes utazas jegy jarat vonat busz taxi repter allomas szalloda utlevel vizum
    hatar auto kocsi vezetek otthon haz szoba lakas utca varos csalad anya anyu apa apu testver batyam ocsem hugom noverem fiam lanyom
    feleseg ferj baba gyerekek barat baratnom lany fiu srac emberek kaja enni inni viz kave tea sor vacsora ebed reggeli kenyer jo rossz
    szuper kiraly boldog szomoru faradt beteg ehes felek szeretlek hianyzol akarok kell tudom gondolom mondd mondta kerdezd hivj hivlak
    uzenet telefon telo kep foto kuldd kuldtem gyere jovok jottem megyek maradj varj varok talalkozunk latod nezd megtalal elvesztettem
    segits adj vedd hozd veszek vettem eladni csinal csinaltam megjavit nyisd zard kezdeni befejezni megint meg mar mindjart kesobb koran
    soha mindig valami semmi minden valaki senki mert tenyleg nagyon sok keves tobb jobb elso utolso kovetkezo masik uj regi nagy kicsi
    igaz rendorseg rendor ugyved birosag tartozas tartozom kolcson problema vigyazz aggodj nyugi oke hogy mit hol mikor miert`,
  sqi: `pershendetje tung ckemi mirupafshim pafsh faleminderit flm rrofsh me fal na fal te lutem po jo sigurisht ndoshta neser dje sot sonte
    mengjes mbremje nate jave fundjave muaj vit kohe ore minuta leke para cash paguaj pagova banke llogari karte cmim lire shtrenjte qira
    fature pune punoj shefi turni zyre takim kontrate rroge udhetim bilete fluturim tren autobus taksi aeroport stacion hotel pasaporte vize
    kufi makine ngas shtepi dhome apartament rruge qytet familje nena mami babai babi vella motra djali vajza gruaja burri femija femijet
    shok shoqe cun goce njerez ushqim ha pi uje kafe caj birre darke dreke buke mire keq shkelqyeshem bukur lumtur merzitur lodhur semure
    uritur frike te dua me mungon dua duhet di mendoj thuaj tha pyet merr telefono mesazh telefon foto dergo dergova eja vij erdha ik rri
    prit pres takohemi shiko gjej humba ndihmo jep merr sill blej bleva shes bej bera rregulloj hap mbyll filloj mbaroj perseri akoma
    tashme shpejt vone heret kurre gjithmone dicka asgje gjithcka dikush askush sepse vertet shume pak me mire i pari i fundit tjeter njejte
    ri vjeter madh vogel sakte policia polici avokat gjykate borxh hua problem kujdes shqetesohu nuk eshte jam jemi ke kam cfare ku kur pse
    si nje edhe qe`,
  vie: `chao xin cam on cảm ơn xin loi vang da u ok khong ko k hok co dc duoc roi nhe nha oi a uh ok hom nay mai qua toi sang chieu dem tuan
    thang nam gio phut tien tien mat tra ngan hang tai khoan the gia re dat thue hoa don viec lam sep ca van phong hop hop dong luong di chuyen
    ve may bay tau xe buyt taxi san bay ga khach san ho chieu visa bien gioi xe lai nha phong can ho duong thanh pho gia dinh me ma bo ba cha
    anh chi em con vo chong be ban nguoi yeu trai gai moi nguoi an uong nuoc ca phe tra bia com bua sang trua toi banh mi tot xau tuyet vui
    buon met om doi so yeu nho muon can biet nghi noi bao hoi goi nhan tin dien thoai anh hinh gui den toi di o doi gap thay xem tim mat giup
    cho lay mang mua ban lam sua mo dong bat dau xong lai van da sap muon som chua bao gio luon cai gi khong co gi tat ca ai nguoi nao vi that
    rat nhieu it hon dau tien cuoi cung khac moi cu lon nho dung sai cong an luat su toa no vay van de can than lo`,
};
