"""What the demo's people write: news, posts, questions and answers, the weekly blog, polls.

Dutch, as colleagues at a primary-school board write it (the sources: roosters, de studiedag,
Kanjertraining, het inspectiebezoek, ziekmelden, de personeelsvereniging, de GMR, "als je niet
regelmatig op het intranet kijkt, zit je in het teamoverleg met je mond vol tanden"). Nothing here
is random: kring.demo.builders.content draws from these texts with a seeded random stream and
decides who writes what, where and when.

Texts may use these slots: {school} (the school's name), {groep} (a class, "groep 5"), {dag} (a
weekday). Mentions (@[Naam](person:ID)) are added by the builder, who knows the ids; #topics are
written here.
"""

from dataclasses import dataclass
from datetime import date
from typing import Final


@dataclass(frozen=True)
class Photo:
    """A picture drawn for the demo: a caption on a coloured card, and its description."""

    caption: str
    alt: str
    colour: str  # "#rrggbb"


@dataclass(frozen=True)
class Note:
    """A post. `replies` are comments that fit it; comments of its `mood` fill up when more are
    needed (REPLIES; "own": only its own replies). No mood: the space's (SPACE_MOODS), or "cheer"
    for a photo."""

    body: str
    title: str = ""
    replies: tuple[str, ...] = ()
    photo: Photo | None = None
    mood: str = ""


@dataclass(frozen=True)
class Question:
    """A question with its answers in order (the first is the first response)."""

    title: str
    body: str
    answers: tuple[str, ...]
    thanks: str = ""


@dataclass(frozen=True)
class News:
    """An item of the board's news calendar: published in `week` (0-34) on `weekday` at `time`."""

    week: int
    weekday: int  # 0 is Monday
    time: str  # "08:30"
    title: str
    lead: str
    body: str
    author: str = "editor"  # editor (the communications editor), officer or administrator
    important: bool = False
    scheduled: bool = False  # written days before and published at its moment
    pinned_days: int = 0
    pinned_until: date | None = None
    replies: tuple[str, ...] = ()
    photo: Photo | None = None


@dataclass(frozen=True)
class BlogWeek:
    title: str
    body: str


@dataclass(frozen=True)
class BlogQuestion:
    """A question in the comments of the weekly blog, a colleague's answer and the author's;
    asked in demo weeks `weeks` (first and last, inclusive)."""

    question: str
    colleague: str
    author: str
    weeks: tuple[int, int] = (0, 34)


@dataclass(frozen=True)
class PollText:
    space: str  # a community key, or "school"
    week: int
    title: str
    body: str
    options: tuple[str, ...]
    multiple: bool = False


# -- the board's news ---------------------------------------------------------------------------

NEWS: Final[tuple[News, ...]] = (
    News(
        0,
        0,
        "08:00",
        "Kring gaat van start: welkom aan de eerste zestig collega's",
        "Vanaf vandaag werken zestig enthousiaste collega's in Kring, ons nieuwe sociaal "
        "intranet. Over twaalf weken volgt iedereen.",
        "Vanaf vandaag hebben zestig collega's van het bestuursbureau en de scholen een account "
        "voor Kring. Zij gaan het als eersten gebruiken: nieuws lezen, berichten plaatsen in de "
        "ruimte van hun school, vragen stellen en groepen starten. Op 2 maart krijgt iedereen "
        "een account.\n\nWe vragen de eerste groep vooral om te ontdekken en te delen wat werkt. "
        "Wat je aandacht geeft, groeit. Vragen over Kring? Stel ze in de groep 'Vragen over "
        "Kring'. #kring",
        pinned_days=14,
        replies=(
            "Wat leuk dat we mogen beginnen! Ik heb de app al op mijn telefoon gezet.",
            "Eindelijk één plek voor alles. Ik ben benieuwd!",
            "Ik heb meteen mijn profiel ingevuld. Nu nog een foto zoeken waar ik zelf tevreden "
            "over ben...",
        ),
    ),
    News(
        0,
        3,
        "10:00",
        "Kerstvieringen en de laatste schooldag voor de kerstvakantie",
        "Op donderdag 18 december vieren alle scholen kerst; vrijdag 19 december zijn de "
        "leerlingen om 12.00 uur vrij.",
        "Alle scholen vieren kerst op donderdagavond 18 december, met een kerstdiner of een "
        "kerstmarkt. Vrijdag 19 december is de laatste schooldag van 2025; de leerlingen zijn "
        "die dag om 12.00 uur vrij. Het bestuursbureau is gesloten van 22 december tot en met "
        "2 januari. Voor spoed is de bestuurssecretaris bereikbaar via het algemene nummer.",
        author="officer",
    ),
    News(
        1,
        0,
        "08:30",
        "Reiskostenvergoeding 2026: wat verandert er?",
        "Per 1 januari gaat de vergoeding voor woon-werkverkeer omhoog. Controleer je "
        "gegevens in het personeelsportaal vóór 15 januari.",
        "Per 1 januari 2026 stijgt de vergoeding voor woon-werkverkeer naar 23 cent per "
        "kilometer. Wie op meer dan één school werkt, declareert de extra kilometers voortaan "
        "maandelijks via het personeelsportaal. Controleer vóór 15 januari of je woonadres en "
        "je vaste werkdagen kloppen; anders kan de salarisadministratie de vergoeding niet "
        "goed berekenen.\n\nDe volledige regeling staat bij de personele regelingen. Vragen? "
        "Stel ze aan HR. #regelingen",
        important=True,
        replies=(
            "Geldt dit ook voor de dagen dat ik naar een studiedag op een andere school ga?",
            "Fijn dat het eindelijk omhoog gaat!",
        ),
    ),
    News(
        1,
        4,
        "12:00",
        "Fijne feestdagen van het College van Bestuur",
        "Een bijzonder jaar zit erop. Dank jullie wel voor alles wat jullie voor de kinderen "
        "hebben gedaan.",
        "Een bijzonder jaar zit erop. Nieuwe collega's, een nieuw koersplan in de maak, en "
        "sinds kort Kring. Wij zien hoeveel jullie elke dag doen voor de ruim 4.000 kinderen "
        "op onze veertien scholen. Dank jullie wel daarvoor.\n\nWe wensen jullie fijne "
        "feestdagen en een goede, rustige vakantie. Tot in 2026!",
        scheduled=True,
        replies=(
            "Dank jullie wel, ook fijne feestdagen!",
            "Fijne vakantie allemaal, rust goed uit!",
        ),
    ),
    News(
        3,
        6,
        "19:00",
        "Welkom terug: dit staat er in januari op de agenda",
        "De middentoetsen, de nieuwjaarsbijeenkomst en de eerste studiemiddag van het jaar.",
        "Welkom terug na de kerstvakantie! In januari nemen de scholen de middentoetsen af "
        "(tussen 12 en 30 januari). Op donderdag 15 januari is de nieuwjaarsbijeenkomst voor "
        "alle medewerkers, om 16.00 uur in het bestuursbureau. En op woensdag 28 januari is er "
        "een studiemiddag over Kanjertraining voor de scholen die daarmee starten.",
        scheduled=True,
    ),
    News(
        4,
        0,
        "08:15",
        "Nieuwjaarsbijeenkomst op donderdag 15 januari",
        "Proost met je collega's van alle scholen, met een korte blik vooruit van het "
        "College van Bestuur.",
        "Op donderdag 15 januari om 16.00 uur heffen we het glas op het nieuwe jaar, in het "
        "bestuursbureau in Alkmaar. Het College van Bestuur vertelt kort over de plannen voor "
        "2026; daarna is er tijd voor een hapje, een drankje en de collega's van andere scholen. "
        "Meld je aan bij je directeur, dan weten we hoeveel bitterballen we moeten bestellen.",
        author="officer",
        replies=("Ik kom! Gezellig om de collega's van andere scholen weer te zien.",),
    ),
    News(
        4,
        2,
        "10:00",
        "Cao primair onderwijs: salarisverhoging per 1 januari",
        "De nieuwe cao-afspraken gaan in: je ziet de verhoging op je strook van januari.",
        "De werkgevers en de bonden hebben een akkoord bereikt over de cao primair onderwijs. "
        "Per 1 januari stijgen de salarissen met 3 procent; in september volgt een eenmalige "
        "uitkering. Je ziet de verhoging op je salarisstrook van januari. Een overzicht van de "
        "afspraken staat bij de personele regelingen. #cao",
        replies=(
            "Goed nieuws! Weet iemand of de eenmalige uitkering ook voor invallers geldt?",
            "Het blijft hard nodig, maar fijn dat er weer een stap is gezet.",
        ),
    ),
    News(
        5,
        0,
        "08:30",
        "Middentoetsen: afspraken over afname en analyse",
        "De intern begeleiders hebben de planning voor de middentoetsen klaar.",
        "Tussen 12 en 30 januari nemen de groepen 3 tot en met 8 de middentoetsen af. De "
        "intern begeleiders hebben per school een planning gemaakt; die staat in de ruimte van "
        "je school. Na de afname bespreek je de resultaten in de groepsbespreking. Nieuw dit "
        "jaar: de analyse maken we met het nieuwe format van het IB-netwerk. #toetsen",
    ),
    News(
        5,
        2,
        "15:30",
        "Terugblik: een goed gevulde nieuwjaarsbijeenkomst",
        "Ruim tweehonderd collega's kwamen naar het bestuursbureau.",
        "Ruim tweehonderd collega's kwamen donderdag naar de nieuwjaarsbijeenkomst. De "
        "voorzitter van het College van Bestuur blikte terug op 2025 en vertelde over het "
        "koersplan dat we dit jaar samen maken. De foto's staan in deze bijdrage; wie niet "
        "herkenbaar in beeld wil, kan dat laten weten aan Communicatie.",
        author="officer",
        photo=Photo(
            "Nieuwjaarsbijeenkomst 2026",
            "Collega's met een glas in de hal van het "
            "bestuursbureau, onder een slinger met 'Gelukkig 2026'.",
            "#7a3b69",
        ),
    ),
    News(
        6,
        0,
        "08:00",
        "Ziekmelden: vanaf 1 februari via het nieuwe verzuimportaal",
        "Je meldt je nog steeds vóór 7.30 uur ziek bij je directeur, maar de registratie gaat "
        "voortaan via het verzuimportaal.",
        "Vanaf 1 februari registreren we ziekmeldingen in het nieuwe verzuimportaal. Voor jou "
        "verandert er weinig: je belt vóór 7.30 uur met je directeur (of de vervanger), zodat "
        "er op tijd een invaller gezocht kan worden. Je directeur zet de melding in het portaal. "
        "Ben je weer beter? Dan meld je je zelf beter in het portaal.\n\nDe bedrijfsarts neemt "
        "na twee weken contact op. Lees de volledige verzuimregeling bij de personele "
        "regelingen. #ziekmelden",
        important=True,
        replies=(
            "Moet ik me ook in het portaal ziekmelden als ik maar een halve dag weg ben?",
            "Duidelijk, dank jullie wel.",
        ),
    ),
    News(
        6,
        3,
        "11:00",
        "Scholen gezocht voor de pilot Kanjertraining in alle groepen",
        "Vier scholen werken al met de Kanjertraining. Wie volgt?",
        "Op De Regenboog, Het Palet, De Klimop en De Meander werken alle groepen met de "
        "Kanjertraining. De ervaringen zijn goed: een rustiger klimaat in de klas en op het "
        "plein, en een gedeelde taal voor leerlingen, ouders en leerkrachten. Het bestuur "
        "betaalt volgend schooljaar de training voor vier nieuwe scholen. Directeuren kunnen "
        "hun school tot 1 maart aanmelden. #kanjertraining",
        author="officer",
        replies=("Wij zouden graag meedoen. Ik ga het in het teamoverleg bespreken.",),
    ),
    News(
        7,
        0,
        "08:30",
        "Werkdrukmiddelen 2026: bespreek de inzet in je team",
        "Elk team beslist zelf hoe de werkdrukmiddelen worden ingezet.",
        "Ook dit jaar krijgt elke school werkdrukmiddelen. Het team bepaalt samen hoe het geld "
        "wordt besteed: extra handen in de klas, een vakleerkracht, of minder taken. De "
        "personeelsgeleding van de MR moet instemmen met het plan. Bespreek het vóór de "
        "meivakantie in je team; in de groep 'Werkdruk en vitaliteit' delen scholen wat bij "
        "hen werkt. #werkdruk",
    ),
    News(
        7,
        1,
        "10:30",
        "Nieuwe collega's op het bestuursbureau",
        "Twee nieuwe gezichten bij HR en ICT.",
        "Deze maand zijn er twee nieuwe collega's begonnen op het bestuursbureau: een "
        "HR-adviseur, die de scholen in het noorden ondersteunt, en een systeembeheerder, die "
        "zich vooral met de laptops en de digiborden gaat bezighouden. Kom gerust even langs "
        "als je op het bestuursbureau bent, of stuur ze een berichtje in Kring.",
        author="officer",
    ),
    News(
        8,
        0,
        "08:00",
        "Doorstroomtoets groep 8: succes aan alle leerlingen",
        "Deze week maken de leerlingen van groep 8 de doorstroomtoets.",
        "Deze week maken ruim vijfhonderd leerlingen van groep 8 op onze scholen de "
        "doorstroomtoets. Veel succes aan alle leerlingen, en aan de leerkrachten die hen zo "
        "goed hebben voorbereid. De uitslag komt eind maart; het schooladvies blijft leidend.",
        author="officer",
        replies=("Succes aan onze groep 8! Ze zijn er klaar voor.",),
    ),
    News(
        8,
        2,
        "09:30",
        "Inspectie komt in maart voor het bestuursonderzoek",
        "Van 9 tot en met 13 maart onderzoekt de inspectie het bestuur en bezoekt zij vier "
        "scholen.",
        "De inspectie van het onderwijs doet in maart een vierjaarlijks onderzoek bij ons "
        "bestuur. Van 9 tot en met 13 maart spreekt zij met het College van Bestuur, de GMR, "
        "directeuren en leerkrachten, en bezoekt zij vier scholen: Het Kompas, De Wilgenhoek, "
        "Het Anker en De Sterrenwacht. De directeuren van die scholen hebben het draaiboek al "
        "gekregen.\n\nVoor iedereen geldt: je hoeft niets extra voor te bereiden. De inspectie "
        "wil zien hoe we werken, niet een voorstelling. #inspectie",
        important=True,
        replies=(
            "Spannend! Weten we al welke groepen ze gaan bezoeken?",
            "Fijn dat het zo duidelijk is uitgelegd.",
        ),
    ),
    News(
        9,
        0,
        "08:30",
        "Op 2 maart krijgt iedereen een account voor Kring",
        "Nog drie weken, dan werken we allemaal in Kring. Dit kun je verwachten.",
        "De eerste zestig collega's werken sinds december in Kring, en het resultaat mag er "
        "zijn: de groep 'Leerkrachten groep 2' deelt elke week ideeën, de personeelsvereniging "
        "beantwoordt vragen binnen twee dagen en steeds meer scholen zetten hun teamnieuws in "
        "hun eigen ruimte. Op maandag 2 maart krijgt iedereen een uitnodiging per e-mail. De "
        "ruimte van je school staat al klaar, en je zit er automatisch in.\n\nOp elke school is "
        "een ambassadeur die je op weg helpt. #kring",
    ),
    News(
        9,
        3,
        "10:00",
        "Noteer alvast: studiedag voor alle medewerkers op vrijdag 6 maart",
        "Op 6 maart zijn alle leerlingen vrij. We komen samen in De Vest in Alkmaar.",
        "Op vrijdag 6 maart is de jaarlijkse studiedag voor alle medewerkers van Stichting "
        "Kring Onderwijs. Alle leerlingen zijn die dag vrij. Het thema is 'Samen leren, samen "
        "delen'. Het programma volgt; je kiest in februari twee workshops. #studiedag",
    ),
    News(
        10,
        0,
        "08:30",
        "Open dagen: aanmelden nieuwe leerlingen",
        "Van 16 tot en met 20 februari houden alle scholen open dagen voor nieuwe ouders.",
        "Deze week openen alle scholen hun deuren voor ouders die een school zoeken voor hun "
        "kind. Op de websites van de scholen staan de tijden. Tip van de directeuren: laat "
        "leerlingen van groep 8 de rondleiding geven. Ouders vinden dat het mooiste deel van "
        "het bezoek.",
        author="officer",
    ),
    News(
        10,
        2,
        "14:00",
        "Zonnepanelen op vier schooldaken",
        "Na de zomer liggen er zonnepanelen op De Boomgaard, De Vlindertuin, Het Palet en De "
        "Duinroos.",
        "Het bestuur investeert in duurzame schoolgebouwen. Deze zomer krijgen vier scholen "
        "zonnepanelen: De Boomgaard, De Vlindertuin, Het Palet en De Duinroos. Samen wekken ze "
        "genoeg stroom op voor ongeveer vijftig huishoudens. Leerkrachten die er een les over "
        "willen geven, vinden lesmateriaal in de groep 'Duurzame school'. #duurzaamheid",
        author="officer",
    ),
    News(
        11,
        0,
        "08:00",
        "Maandag krijgt iedereen een account: zo log je in",
        "Je ontvangt maandagochtend een e-mail met een link. Zo ben je in twee minuten binnen.",
        "Maandag 2 maart om 7.00 uur ontvangt iedereen een e-mail van Kring met een persoonlijke "
        "link. Klik op de link, kies een wachtwoord en je bent binnen. Zet daarna de app op je "
        "telefoon: open Kring in de browser van je telefoon en kies 'Zet op beginscherm'.\n\n"
        "De ruimte van je school staat al klaar en je zit er automatisch in. Lukt het niet? "
        "De ambassadeur van je school helpt je graag, of stel je vraag in 'Vragen over Kring'.",
        important=True,
    ),
    News(
        11,
        4,
        "07:30",
        "De ambassadeurs van Kring: bij hen kun je terecht",
        "Op elke school is er iemand die je op weg helpt. Maak kennis met de ambassadeurs.",
        "Op elke school is een ambassadeur van Kring: een collega die het platform al kent, je "
        "op weg helpt en luistert naar wat er beter kan. Ze hebben de afgelopen maanden "
        "meegedacht over de inrichting en de eerste groepen gestart. Je vindt ze in het "
        "smoelenboek met het label 'ambassadeur'. Loop gerust even bij ze binnen. #ambassadeurs",
        scheduled=True,
    ),
    News(
        12,
        0,
        "07:00",
        "Vanaf vandaag werken we allemaal in Kring",
        "Alle 525 medewerkers hebben vanaf vandaag een account. Geen mails meer 'aan iedereen': "
        "het nieuws staat hier.",
        "Vanaf vandaag werken alle medewerkers van Stichting Kring Onderwijs in Kring. Wat "
        "betekent dat?\n\n- Het nieuws van het bestuur lees je hier, iedereen op hetzelfde "
        "moment. Mails 'aan iedereen' en de nieuwsbrief stoppen.\n- Je school heeft een eigen "
        "ruimte voor teamnieuws, roosters en afspraken.\n- Je vindt collega's van alle scholen "
        "in het smoelenboek, ook op expertise.\n- Personele regelingen, jaarplannen en "
        "formulieren staan bij 'Weten en regelen'.\n\nWil je laten weten dat je dit bericht hebt "
        "gelezen? Dan weten wij dat iedereen is bereikt. #kring",
        important=True,
        pinned_days=21,
        replies=(
            "Gelukt! Ik zit erin en heb de app op mijn telefoon gezet.",
            "Even wennen, maar het ziet er overzichtelijk uit.",
            "Waar vind ik het rooster van de gymzaal?",
            "Mooi dat alle regelingen nu op één plek staan.",
        ),
    ),
    News(
        12,
        2,
        "10:00",
        "Studiedag vrijdag: het programma en de workshops",
        "Vrijdag 6 maart in De Vest. Inloop vanaf 8.30 uur; kies je workshops vóór woensdag.",
        "Vrijdag is de studiedag in De Vest in Alkmaar. Inloop vanaf 8.30 uur, om 9.00 uur "
        "begint de opening. Je volgt twee van de vierentwintig workshops, van Kanjertraining tot "
        "rekendidactiek en van digitale geletterdheid tot stemgebruik. Schrijf je vóór woensdag "
        "in via het formulier bij 'Weten en regelen'. De lunch wordt verzorgd. #studiedag",
        replies=("Ik heb me ingeschreven voor de workshop stemgebruik. Hard nodig!",),
    ),
    News(
        13,
        0,
        "08:30",
        "Terugblik op de studiedag: 480 collega's, 24 workshops",
        "Een inspirerende dag, met veel nieuwe contacten tussen de scholen.",
        "Wat een dag! 480 collega's volgden vrijdag samen 24 workshops. Het meest gehoorde "
        "compliment: 'Ik heb collega's van andere scholen leren kennen die met hetzelfde bezig "
        "zijn.' De presentaties van de workshops staan bij 'Weten en regelen'. Deel je eigen "
        "foto's gerust in je schoolruimte. #studiedag",
        author="officer",
        photo=Photo(
            "Studiedag 6 maart",
            "Een volle zaal in De Vest tijdens de opening van de "
            "studiedag; op het scherm staat 'Samen leren, samen delen'.",
            "#1d6a96",
        ),
        replies=(
            "De workshop over rekendidactiek was echt de moeite waard.",
            "Leuk om eindelijk de gezichten bij de namen uit Kring te zien.",
        ),
    ),
    News(
        13,
        3,
        "10:00",
        "Interne vacatures: intern begeleider en leerkracht groep 6",
        "Wil je groeien of eens op een andere school werken? Kijk eerst hier.",
        "Voor het nieuwe schooljaar zoeken we een intern begeleider voor De Toermalijn (0,6 "
        "fte) en een leerkracht voor groep 6 op De Meander (1,0 fte). Collega's van onze eigen "
        "stichting gaan voor: reageer vóór 1 april met een korte motivatie aan HR. Een cv is "
        "niet nodig. #vacatures",
    ),
    News(
        14,
        0,
        "08:00",
        "Inspectie: voldoende op alle standaarden",
        "Het bestuursonderzoek is afgerond. De inspectie is positief over de kwaliteitszorg "
        "en de samenwerking tussen de scholen.",
        "De inspectie heeft het bestuursonderzoek afgerond. Het oordeel: voldoende op alle "
        "standaarden, met een compliment voor de manier waarop scholen van elkaar leren. Als "
        "verbeterpunt noemt de inspectie het volgen van de resultaten van de bovenbouw in "
        "begrijpend lezen. Het rapport verschijnt in mei op de website van de inspectie.\n\n"
        "Dank aan alle collega's die de inspecteurs hebben ontvangen en gesproken. #inspectie",
        important=True,
        replies=(
            "Wat een mooi resultaat, gefeliciteerd allemaal!",
            "Trots op ons team en op alle scholen.",
        ),
    ),
    News(
        14,
        1,
        "10:30",
        "Week van de Lentekriebels: materiaal voor elke groep",
        "Van 16 tot en met 20 maart is de Week van de Lentekriebels.",
        "In de Week van de Lentekriebels besteden de scholen aandacht aan relaties en "
        "seksualiteit, passend bij de leeftijd. Het lesmateriaal per groep staat klaar bij "
        "'Weten en regelen'. Informeer de ouders vooraf via de nieuwsbrief van je school; een "
        "voorbeeldtekst staat erbij.",
        author="officer",
    ),
    News(
        15,
        0,
        "08:30",
        "Jaarverslag 2025 staat online",
        "Wat we in 2025 hebben bereikt, in cijfers en verhalen.",
        "Het jaarverslag over 2025 is klaar. Je leest erin hoe het met de leerlingen, de "
        "medewerkers en de financiën gaat. Enkele cijfers: 4.100 leerlingen, 525 medewerkers, "
        "een ziekteverzuim van 6,1 procent (het jaar daarvoor 6,8) en vier scholen die met de "
        "Kanjertraining werken. Het verslag staat bij 'Weten en regelen', onder Jaarplannen en "
        "verslagen.",
    ),
    News(
        15,
        3,
        "11:00",
        "Koningsspelen op 17 april: meld je school aan voor het ontbijt",
        "Ook dit jaar beginnen de Koningsspelen met het Koningsontbijt.",
        "Op vrijdag 17 april zijn de Koningsspelen. Scholen die meedoen aan het Koningsontbijt "
        "melden zich vóór 1 april aan bij Communicatie; dan zorgen wij voor de pakketten. De "
        "vakleerkrachten bewegingsonderwijs hebben in de groep 'Sport en bewegen' een "
        "spelletjescircuit gedeeld dat je op elk plein kunt neerzetten. #koningsspelen",
        author="officer",
    ),
    News(
        16,
        0,
        "08:00",
        "Nieuwe afspraken over foto's van leerlingen",
        "Vanaf 1 april vragen we ouders elk jaar opnieuw toestemming. Plaats alleen foto's "
        "van leerlingen met toestemming.",
        "De AVG vraagt dat we zorgvuldig omgaan met foto's van leerlingen. Vanaf 1 april vragen "
        "we ouders aan het begin van elk schooljaar opnieuw om toestemming, via het "
        "ouderportaal. Plaats in Kring en op de website alleen foto's van leerlingen van wie de "
        "ouders toestemming hebben gegeven; de administratie van je school kan het je vertellen. "
        "Foto's op je eigen telefoon verwijder je na gebruik.\n\nTwijfel je? Zet een foto dan "
        "niet online of kies een foto waarop de kinderen niet herkenbaar zijn. #avg",
        important=True,
        replies=(
            "Goed dat dit duidelijk is. Waar kan ik de lijst met toestemmingen vinden?",
            "Geldt dit ook voor foto's in de besloten ruimte van onze school?",
        ),
    ),
    News(
        16,
        2,
        "16:00",
        "Fijne paasdagen: maandag 6 april zijn de scholen dicht",
        "Tweede paasdag is een vrije dag voor iedereen.",
        "Op maandag 6 april, tweede paasdag, zijn alle scholen en het bestuursbureau gesloten. "
        "We wensen iedereen fijne paasdagen!",
        author="officer",
        scheduled=True,
    ),
    News(
        17,
        1,
        "08:30",
        "Loopbaangesprekken in april en mei",
        "Wil je doorgroeien of iets anders gaan doen? Bespreek het in je gesprek.",
        "In april en mei voeren de directeuren de jaargesprekken. Nieuw dit jaar is een vraag "
        "over je loopbaan: wil je blijven doen wat je doet, of zoek je iets nieuws? Binnen onze "
        "veertien scholen zijn er veel mogelijkheden, van een andere groep tot een rol als "
        "intern begeleider of specialist. HR denkt graag met je mee. #loopbaan",
    ),
    News(
        17,
        3,
        "10:00",
        "Vijf weken Kring: wat we zien",
        "Ruim driehonderd collega's hebben al ingelogd. Dank voor jullie vragen en tips.",
        "Vijf weken na de start voor iedereen hebben ruim driehonderd collega's ingelogd. In de "
        "schoolruimtes verschijnen elke dag nieuwe berichten, en de vragen in 'Vragen over "
        "Kring' worden meestal binnen een paar uur beantwoord, vaak door collega's zelf. Wat "
        "we ook zien: op maandag is het het drukst, in het weekend is het stil. Precies zoals "
        "het hoort.\n\nNog niet ingelogd? De ambassadeur van je school helpt je graag. #kring",
        replies=("Ik merk dat ik steeds minder mail krijg. Heerlijk!",),
    ),
    News(
        18,
        0,
        "08:00",
        "Vrijdag Koningsspelen: sportief en feestelijk",
        "Alle scholen doen mee. Vergeet het oranje niet!",
        "Vrijdag zijn de Koningsspelen. Op de meeste scholen begint de dag met het "
        "Koningsontbijt, daarna gaan de leerlingen sporten op het plein of in het park. Deel je "
        "foto's (met toestemming) in de ruimte van je school. Het weerbericht is gunstig! "
        "#koningsspelen",
        author="officer",
    ),
    News(
        18,
        2,
        "11:00",
        "GMR stemt in met het bestuursformatieplan 2026-2027",
        "De formatie voor volgend schooljaar staat. De scholen maken nu hun groepsverdeling.",
        "De GMR heeft ingestemd met het bestuursformatieplan voor 2026-2027. Daarin staat "
        "hoeveel formatie elke school krijgt. De directeuren maken nu de formatie van hun "
        "school; uiterlijk 1 juni hoor je in welke groep je volgend jaar staat. De GMR dankt "
        "iedereen die via de GMR-leden van de scholen heeft meegedacht. #gmr #formatie",
    ),
    News(
        19,
        0,
        "08:30",
        "Terugblik op de Koningsspelen",
        "Veertien scholen, ruim vierduizend sportieve kinderen.",
        "Wat een feest was het vrijdag! Op alle veertien scholen werd er gesport, ontbeten en "
        "gezongen. In de schoolruimtes staan al veel mooie foto's. Dank aan de "
        "vakleerkrachten, de ouders en alle collega's die er een geweldige dag van maakten. "
        "#koningsspelen",
        author="officer",
        photo=Photo(
            "Koningsspelen 2026",
            "Kinderen in oranje shirts doen een estafette op het "
            "schoolplein, onder een rij vlaggetjes.",
            "#d96c0d",
        ),
    ),
    News(
        19,
        4,
        "12:00",
        "Fijne meivakantie!",
        "Van 25 april tot en met 10 mei is het meivakantie.",
        "De meivakantie staat voor de deur. Van zaterdag 25 april tot en met zondag 10 mei zijn "
        "de scholen gesloten; het bestuursbureau is in de tweede week open met een kleine "
        "bezetting. Geniet ervan, en tot 11 mei!",
        author="officer",
        scheduled=True,
    ),
    News(
        21,
        6,
        "18:00",
        "Welkom terug na de meivakantie",
        "Nog tien weken tot de zomer: de formatie, de schoolreisjes en de musicals.",
        "Welkom terug! De laatste periode van het schooljaar is altijd vol: de formatie voor "
        "volgend jaar, de schoolreisjes, de avondvierdaagse, de musicals van groep 8. In de "
        "agenda van je school staat wat er wanneer gebeurt. Succes en veel plezier de komende "
        "weken.",
        scheduled=True,
    ),
    News(
        22,
        0,
        "08:00",
        "Hitteprotocol: afspraken voor warme dagen",
        "Bij temperaturen boven de 28 graden gelden aangepaste afspraken.",
        "De zomer komt eraan. Bij temperaturen boven de 28 graden geldt het hitteprotocol: de "
        "directeur kan de lestijden aanpassen, gymlessen gaan niet door of worden buiten in de "
        "schaduw gegeven, en leerlingen drinken extra water. Ouders worden via de school "
        "geïnformeerd. Lees het protocol bij 'Weten en regelen' en bespreek in je team hoe je "
        "het op jouw school toepast. #hitte",
        important=True,
    ),
    News(
        22,
        2,
        "10:00",
        "Hemelvaart: donderdag en vrijdag vrij",
        "Op 14 en 15 mei zijn alle scholen en het bestuursbureau gesloten.",
        "Donderdag 14 mei is het Hemelvaartsdag. Alle scholen en het bestuursbureau zijn "
        "donderdag en vrijdag gesloten. Een lang weekend: geniet ervan!",
        author="officer",
    ),
    News(
        23,
        0,
        "08:30",
        "GMR-verkiezingen: stel je kandidaat",
        "In juni kiezen we nieuwe leden voor de GMR. Wil jij meepraten over het beleid?",
        "De GMR praat mee over alles wat de hele stichting aangaat: de formatie, de "
        "begroting, de cao-afspraken. Drie leden nemen na de zomer afscheid; daarom zijn er in "
        "juni verkiezingen. Elke medewerker kan zich kandidaat stellen, tot en met 29 mei. In "
        "de groep van de GMR lees je wat het werk inhoudt, en je kunt het altijd vragen aan het "
        "GMR-lid van je school. #gmr",
    ),
    News(
        23,
        1,
        "10:00",
        "Praat mee over het koersplan 2026-2030",
        "Waar staan we over vier jaar? Geef je mening in je school of in de groep van de "
        "projectgroep.",
        "Dit jaar maken we het nieuwe koersplan voor 2026-2030. De projectgroep heeft vier "
        "thema's gekozen: goed onderwijs voor elk kind, een sterke basis in taal en rekenen, "
        "aantrekkelijk werkgeverschap en duurzame scholen. In juni praten alle teams erover in "
        "een teamvergadering. Je kunt je ideeën ook nu al delen onder dit bericht. #koersplan",
        replies=(
            "Ik hoop dat er aandacht is voor de werkdruk bij het thema werkgeverschap.",
            "Goed dat we mee mogen denken. Wordt er ook aan de leerlingen gevraagd wat zij "
            "belangrijk vinden?",
        ),
    ),
    News(
        24,
        1,
        "08:30",
        "Formatie 2026-2027: de eerste versie per school",
        "De directeuren bespreken deze week de groepsverdeling met hun team.",
        "Deze week bespreken de directeuren de eerste versie van de formatie met hun team. Je "
        "hoort in welke groep je volgend jaar staat en met wie je samenwerkt. Heb je vragen of "
        "zorgen, bespreek ze dan eerst met je directeur. De definitieve formatie staat op "
        "15 juni vast. #formatie",
    ),
    News(
        24,
        3,
        "10:00",
        "De ambassadeurs van Kring in het zonnetje",
        "Zonder hen was Kring niet zo snel van de grond gekomen.",
        "Drie maanden na de start voor iedereen zetten we de ambassadeurs in het zonnetje. Ze "
        "gaven knoppentrainingen in de teamkamer, zetten de app op telefoons en luisterden naar "
        "de twijfels van collega's. Een ambassadeur zei het zo: 'Als je nu niet regelmatig in "
        "Kring kijkt, zit je in het teamoverleg met je mond vol tanden.' Dank jullie wel! "
        "#ambassadeurs",
        replies=("Onze ambassadeur heeft ons echt geholpen. Dank je wel!",),
    ),
    News(
        25,
        0,
        "08:00",
        "Vakantierooster 2026-2027 vastgesteld",
        "De vakanties en vrije dagen voor volgend schooljaar staan vast. Dit bericht blijft "
        "bovenaan staan.",
        "Het vakantierooster voor schooljaar 2026-2027 is vastgesteld, na instemming van de "
        "GMR:\n\n- Herfstvakantie: 17 tot en met 25 oktober 2026\n- Kerstvakantie: 19 december "
        "2026 tot en met 3 januari 2027\n- Voorjaarsvakantie: 13 tot en met 21 februari 2027\n"
        "- Meivakantie: 24 april tot en met 9 mei 2027\n- Zomervakantie: 10 juli tot en met "
        "22 augustus 2027\n\nDe studiedagen per school staan in de jaarplanning van je school. "
        "#vakantierooster",
        pinned_until=date(2027, 7, 31),
    ),
    News(
        25,
        2,
        "11:00",
        "Avondvierdaagse: lopen jullie mee?",
        "Veel scholen lopen in juni mee met de avondvierdaagse.",
        "In juni lopen veel scholen met een groep mee met de avondvierdaagse. Op een aantal "
        "scholen regelen ouders het, op andere scholen de leerkrachten. Deel in je schoolruimte "
        "wie er meeloopt en wie de limonade regelt!",
        author="officer",
    ),
    News(
        26,
        0,
        "08:30",
        "Uitslag van de GMR-verkiezingen",
        "Drie nieuwe leden, van Het Palet, De Boomgaard en De Meander.",
        "De GMR-verkiezingen zijn achter de rug. Ruim zestig procent van de collega's heeft "
        "gestemd, meer dan ooit, dankzij het stemmen via Kring. Na de zomer nemen drie nieuwe "
        "leden plaats in de GMR, van Het Palet, De Boomgaard en De Meander. Dank aan alle "
        "kandidaten en aan de vertrekkende leden. #gmr",
    ),
    News(
        26,
        3,
        "10:00",
        "Nieuw: een vervangerspool voor de hele stichting",
        "Vanaf het nieuwe schooljaar werken vijf invallers voor alle scholen samen.",
        "Het is moeilijk om invallers te vinden. Daarom start de stichting na de zomer met een "
        "eigen vervangerspool: vijf leerkrachten met een vast contract die invallen waar het "
        "nodig is. Directeuren vragen een invaller aan via het verzuimportaal. Ken je iemand "
        "die dit leuk zou vinden? De vacature staat bij de interne vacatures. #vervanging",
        replies=("Wat een goed initiatief, dit gaat echt helpen bij ziekte.",),
    ),
    News(
        27,
        0,
        "08:00",
        "Medewerkerstevredenheidsonderzoek: vul het in vóór 30 juni",
        "Hoe tevreden ben je over je werk, je school en de stichting? Het kost tien minuten.",
        "Eens in de twee jaar vragen we alle medewerkers hoe tevreden ze zijn. Je ontvangt "
        "vandaag een e-mail met een persoonlijke link naar de vragenlijst. Het invullen kost "
        "ongeveer tien minuten en is anoniem: niemand ziet jouw antwoorden, ook je directeur "
        "niet. De uitkomsten per school bespreken we na de zomer in de teams. #mto",
        important=True,
    ),
    News(
        27,
        1,
        "15:00",
        "Afscheid van onze bestuurssecretaris",
        "Na vijftien jaar neemt zij afscheid. Schrijf een bericht in het digitale afscheidsboek.",
        "Na vijftien jaar neemt onze bestuurssecretaris afscheid om van haar pensioen te gaan "
        "genieten. Ze was het geheugen van de stichting en voor veel directeuren de eerste om "
        "te bellen. Op vrijdag 26 juni is er een afscheidsreceptie op het bestuursbureau. Wil "
        "je haar iets meegeven? Schrijf het hieronder.",
        author="officer",
        replies=(
            "Heel veel plezier met je welverdiende pensioen! Dank voor alle hulp.",
            "Je was altijd bereikbaar, ook als het eigenlijk niet kon. Geniet ervan!",
            "Dank je wel voor alles. We gaan je missen.",
        ),
    ),
    News(
        28,
        0,
        "08:30",
        "Jaarplanning 2026-2027: studiedagen en teamdagen",
        "De gezamenlijke studiedag is op vrijdag 5 maart 2027.",
        "De jaarplanning voor volgend schooljaar is klaar. De gezamenlijke studiedag voor alle "
        "medewerkers is op vrijdag 5 maart 2027. Daarnaast heeft elke school vier eigen "
        "studiedagen; die staan in de jaarplanning van je school. De startbijeenkomst voor alle "
        "medewerkers is op maandag 17 augustus. #studiedag",
    ),
    News(
        28,
        3,
        "10:00",
        "Musicals en afscheid van groep 8: deel je foto's",
        "Het is weer musicaltijd. Deel je mooiste momenten in de ruimte van je school.",
        "Op alle scholen oefent groep 8 voor de afscheidsmusical. Een bijzondere tijd voor de "
        "leerlingen en hun leerkrachten. Deel je mooiste momenten in de ruimte van je school; "
        "let op de toestemming van ouders voor foto's van leerlingen.",
        author="officer",
    ),
    News(
        29,
        0,
        "08:30",
        "Eerste uitkomsten van het tevredenheidsonderzoek",
        "82 procent van de collega's deed mee. Gemiddeld geven we ons werk een 7,8.",
        "82 procent van de medewerkers heeft de vragenlijst ingevuld. Dank je wel! De eerste "
        "uitkomsten: we geven ons werk gemiddeld een 7,8 (twee jaar geleden een 7,5). We zijn "
        "het meest tevreden over de collega's en de sfeer op school; de werkdruk blijft het "
        "grootste aandachtspunt. Na de zomer bespreken de teams de uitkomsten van hun eigen "
        "school. #mto",
        replies=("Mooi cijfer! Herkenbaar dat de werkdruk het aandachtspunt blijft.",),
    ),
    News(
        29,
        4,
        "12:00",
        "Laatste schooldag: dank jullie wel!",
        "Het schooljaar zit erop. Dank voor jullie inzet.",
        "Vandaag is de laatste schooldag. Een jaar met een inspectiebezoek, een nieuw "
        "intranet, veel nieuwe collega's en vooral heel veel mooie momenten met de kinderen. "
        "Het College van Bestuur dankt jullie hartelijk voor jullie inzet. Fijne zomer!",
        author="officer",
        scheduled=True,
        replies=("Fijne zomer allemaal!", "Dank jullie wel, ook een heerlijke vakantie!"),
    ),
    News(
        30,
        0,
        "09:00",
        "Zomerrooster van het bestuursbureau",
        "In de zomer is het bestuursbureau op dinsdag en donderdag bereikbaar.",
        "Tijdens de zomer is het bestuursbureau bereikbaar op dinsdag en donderdag van 9.00 "
        "tot 15.00 uur. Voor spoed rond de gebouwen bel je de storingslijn; die staat bij "
        "'Weten en regelen'.",
        author="officer",
    ),
    News(
        30,
        2,
        "10:00",
        "Nieuwe collega's per augustus: welkom!",
        "Na de zomer beginnen 23 nieuwe collega's. Zij krijgen nu al een account.",
        "Na de zomer beginnen 23 nieuwe collega's op onze scholen, van wie zes net van de pabo "
        "komen. Ze krijgen deze week al een account voor Kring, zodat ze hun school en hun "
        "collega's kunnen leren kennen. In de groep 'Nieuwe collega's' vinden ze antwoorden "
        "op de eerste vragen. Heet ze welkom! #nieuwecollegas",
    ),
    News(
        31,
        0,
        "09:00",
        "Onderhoud in de zomer: drie scholen krijgen nieuwe ventilatie",
        "Het Anker, De Klimop en Het Mozaïek krijgen een nieuw ventilatiesysteem.",
        "Deze zomer krijgen Het Anker, De Klimop en Het Mozaïek een nieuw ventilatiesysteem, "
        "zodat de lucht in de lokalen beter wordt. De werkzaamheden zijn klaar vóór de eerste "
        "schooldag. Collega's die in de zomer spullen willen ophalen, overleggen even met de "
        "conciërge.",
        author="officer",
    ),
    News(
        31,
        3,
        "10:00",
        "Kring is vernieuwd: sneller en met een betere app",
        "Na het onderhoud van het weekend is Kring sneller, vooral op je telefoon.",
        "Afgelopen weekend is Kring bijgewerkt. De app start sneller, de meldingen zijn beter "
        "in te stellen en je kunt nu per ruimte kiezen of je een dagelijks overzicht wilt in "
        "plaats van losse meldingen. Merk je iets vreemds? Meld het in 'Vragen over Kring'.",
        author="administrator",
    ),
    News(
        32,
        1,
        "10:00",
        "Startbijeenkomst op 17 augustus: noteer het alvast",
        "We openen het schooljaar samen, met alle medewerkers.",
        "Het nieuwe schooljaar openen we op maandag 17 augustus met een startbijeenkomst voor "
        "alle medewerkers, van 9.00 tot 12.00 uur in De Vest. 's Middags is er tijd voor de "
        "voorbereiding in je eigen school. Het programma volgt.",
    ),
    News(
        33,
        0,
        "09:00",
        "Scholing in het nieuwe schooljaar: schrijf je in",
        "Het aanbod van de Kring Academie voor 2026-2027 staat online.",
        "De Kring Academie heeft het scholingsaanbod voor volgend schooljaar klaar: van "
        "Kanjertraining en rekendidactiek tot een leergang voor aankomende intern begeleiders. "
        "Inschrijven kan tot 15 september, na overleg met je directeur. #scholing",
    ),
    News(
        34,
        0,
        "08:30",
        "Op 17 augustus begint het schooljaar: wat je moet weten",
        "De startbijeenkomst, de nieuwe afspraken en je checklist voor de eerste week.",
        "Op maandag 17 augustus begint het nieuwe schooljaar. Lees vóór de startbijeenkomst de "
        "nieuwe "
        "afspraken over ziekmelden, het hitteprotocol en de foto's van leerlingen; ze staan "
        "bij 'Weten en regelen'. Zet de eerste teamvergadering in je agenda en controleer of je "
        "in de ruimtes zit die bij je nieuwe groep horen.",
        important=True,
    ),
)


# -- the weekly blog of the director of De Regenboog ------------------------------------------

BLOG_TITLE: Final = "Maandagbrief"
BLOG_DESCRIPTION: Final = (
    "Elke maandag: wat er deze week speelt op De Regenboog. Vragen? Stel ze in de reacties, dan "
    "leest iedereen het antwoord mee."
)

# By demo week (holiday weeks have none).
BLOG: Final[dict[int, BlogWeek]] = {
    0: BlogWeek(
        "Een nieuwe manier van delen",
        "Goedemorgen allemaal! Jullie krijgen van mij elke week dezelfde vragen, en ik geef "
        "elke week dezelfde antwoorden, in de gang, in de teamkamer en per mail. Vanaf vandaag "
        "probeer ik het anders: elke maandag schrijf ik hier wat er speelt. Heb je een vraag, "
        "zet hem in de reacties. Dan leest iedereen het antwoord mee en hoef ik het maar één "
        "keer te vertellen. Deze week: de kerstviering van donderdag 18 december en de "
        "rapportgesprekken in januari.",
    ),
    1: BlogWeek(
        "De laatste week voor de kerst",
        "Wat een week gaat het worden. Donderdag het kerstdiner: de ouders van de ouderraad "
        "dekken vanaf 16.00 uur de tafels in de lokalen. Vrijdag zijn de kinderen om 12.00 uur "
        "vrij; daarna lunchen we samen in de teamkamer. Dank jullie wel voor een mooi eerste "
        "half jaar. Geniet van de vakantie!",
    ),
    4: BlogWeek(
        "Welkom terug in 2026",
        "Gelukkig nieuwjaar! Deze week starten de middentoetsen voor de groepen 3 tot en met 8. "
        "Lotte van het IB-netwerk heeft een handige planning gemaakt, die hangt in de "
        "teamkamer. Donderdag is de nieuwjaarsbijeenkomst van de stichting; wie mee wil "
        "rijden, meldt zich bij mij.",
    ),
    5: BlogWeek(
        "Middentoetsen en groepsbesprekingen",
        "De middentoetsen zijn in volle gang. Plan je groepsbespreking met de intern "
        "begeleider in de week van 2 februari. Neem je analyse mee, en vooral je eigen "
        "observaties: de toets is één bron, jij kent de kinderen het best.",
    ),
    6: BlogWeek(
        "Kanjertraining: hoe staan we ervoor?",
        "Een jaar werken we nu met de Kanjertraining. Ik hoor mooie verhalen uit de groepen, "
        "maar ook dat de afspraken op het plein nog niet overal hetzelfde zijn. Woensdag "
        "bespreken we dat in de teamvergadering. Denk er alvast over na: wat werkt bij jou?",
    ),
    7: BlogWeek(
        "Rapporten en oudergesprekken",
        "De rapporten gaan op vrijdag 13 februari mee. De oudergesprekken zijn in de week "
        "daarna; het inschrijfrooster voor ouders gaat maandag open. Lukt een gesprek niet "
        "binnen tien minuten? Plan dan een vervolgafspraak, liever dan uitlopen.",
    ),
    8: BlogWeek(
        "Doorstroomtoets en open dag",
        "Groep 8 maakt deze week de doorstroomtoets. Houd het rond hun lokaal een beetje stil, "
        "alsjeblieft. Volgende week is onze open dag: ik zoek nog vier leerlingen uit groep 7 "
        "en 8 die rondleidingen willen geven.",
    ),
    9: BlogWeek(
        "Nog drie weken tot Kring voor iedereen",
        "Over drie weken krijgt iedereen een account. Fatima is onze ambassadeur en helpt "
        "iedereen op weg. Mijn verzoek: kijk de eerste weken elke dag even in de ruimte van "
        "de school. Het rooster en de teamafspraken zet ik vanaf nu alleen nog hier.",
    ),
    10: BlogWeek(
        "Open dag en de nieuwe kleuters",
        "Wat een drukte op de open dag! Er kwamen eenentwintig gezinnen kijken. De "
        "aanmeldingen voor groep 1 lopen goed; het lijkt erop dat we na de zomer met drie "
        "kleutergroepen kunnen starten.",
    ),
    11: BlogWeek(
        "De studiedag van 6 maart",
        "Vrijdag 6 maart is de studiedag van de stichting, dus geen school. Kies vóór woensdag "
        "je workshops. Ik raad de workshop over begrijpend lezen aan: dat is ook ons "
        "speerpunt voor volgend jaar.",
    ),
    12: BlogWeek(
        "Iedereen in Kring!",
        "Vanaf vandaag zitten we er allemaal in. Welkom! Dit is de plek voor het rooster, de "
        "afspraken en het nieuws van De Regenboog. Mijn mail 'aan iedereen' stopt vanaf nu; "
        "alles wat ik jullie als team wil laten weten, staat hier. Lukt het inloggen niet, "
        "loop dan even bij Fatima langs.",
    ),
    13: BlogWeek(
        "Terugblik op de studiedag",
        "Wat een energie kwam er vrijdag los. Ik hoorde van meerdere collega's dat ze contact "
        "hebben gelegd met een collega van een andere school. Dat is precies de bedoeling. "
        "Deel hieronder gerust wat je hebt geleerd.",
    ),
    14: BlogWeek(
        "Het inspectieoordeel en onze plannen",
        "De inspectie was positief over de stichting. Het verbeterpunt, begrijpend lezen in de "
        "bovenbouw, herkennen wij ook. Daarom starten we na de meivakantie met een werkgroep. "
        "Wie doet er mee?",
    ),
    15: BlogWeek(
        "Week van de Lentekriebels",
        "Deze week is de Week van de Lentekriebels. De lessen per groep staan bij 'Weten en "
        "regelen'. De ouders zijn via de nieuwsbrief geïnformeerd. Krijg je vragen van ouders, "
        "verwijs ze gerust naar mij.",
    ),
    16: BlogWeek(
        "Paasontbijt en foto's van leerlingen",
        "Donderdag is het paasontbijt in de klassen. Let op de nieuwe afspraken over foto's: "
        "plaats alleen foto's van kinderen van wie de ouders toestemming hebben gegeven. De "
        "lijst ligt bij de administratie.",
    ),
    17: BlogWeek(
        "Een korte week",
        "Maandag was het tweede paasdag, dus een korte week. Donderdag komt de schoolfotograaf. "
        "Het rooster per groep hangt in de teamkamer.",
    ),
    18: BlogWeek(
        "Koningsspelen vrijdag",
        "Vrijdag zijn de Koningsspelen. We beginnen om 8.30 uur met het Koningsontbijt in de "
        "klas, daarna gaan we naar het park. De gymleerkracht heeft het schema gemaakt. Trek "
        "iets oranjes aan!",
    ),
    19: BlogWeek(
        "Op naar de meivakantie",
        "Nog één week tot de meivakantie. In de vakantie wordt het plein opnieuw bestraat; "
        "zet je fietsen daarom vrijdag niet op het plein. Na de vakantie beginnen we met de "
        "formatie voor volgend jaar.",
    ),
    22: BlogWeek(
        "De formatie voor volgend jaar",
        "Welkom terug! Deze weken maak ik de formatie voor volgend schooljaar. Ik spreek "
        "iedereen deze week of volgende week even kort. Heb je een wens, vertel het me dan "
        "liever nu dan in juni.",
    ),
    23: BlogWeek(
        "Schoolreisjes en het hitteprotocol",
        "De schoolreisjes staan gepland in de week van 8 juni. Het is al warm: lees het "
        "hitteprotocol nog even door. Bij meer dan 28 graden gymmen we buiten in de schaduw of "
        "niet.",
    ),
    24: BlogWeek(
        "Pinksteren en de groepsverdeling",
        "Na het Pinksterweekend bespreek ik de eerste versie van de groepsverdeling in de "
        "teamvergadering van woensdag. Ik weet dat het spannend is. Alles wat nog niet vaststaat, "
        "zeg ik er eerlijk bij.",
    ),
    25: BlogWeek(
        "De groepsverdeling staat",
        "De groepsverdeling voor volgend jaar staat. Dank voor jullie begrip en flexibiliteit. "
        "De ouders horen het op vrijdag 19 juni, via de nieuwsbrief. Tot die tijd houden we het "
        "onder ons.",
    ),
    26: BlogWeek(
        "Schoolreisjeweek",
        "Deze week gaan alle groepen op schoolreis. Controleer de lijst met medicijnen en "
        "allergieën, en neem de noodnummers mee. Veel plezier!",
    ),
    27: BlogWeek(
        "Het tevredenheidsonderzoek",
        "Vul alsjeblieft het tevredenheidsonderzoek in, vóór 30 juni. Het is echt anoniem. Ik "
        "wil graag weten wat er beter kan op De Regenboog, juist ook als het over mij gaat.",
    ),
    28: BlogWeek(
        "Musicalweek",
        "Groep 8 speelt donderdag de musical, voor de ouders om 19.00 uur en voor de school "
        "woensdagmiddag de generale repetitie. Wie helpt er met het decor?",
    ),
    29: BlogWeek(
        "De laatste week",
        "De laatste schoolweek. Woensdag zwaaien we groep 8 uit, vrijdag zijn de kinderen om "
        "12.00 uur vrij. Ruim je lokaal op voor de schoonmakers en zet de dozen voor de "
        "verhuizing naar een ander lokaal op de gang.",
    ),
    30: BlogWeek(
        "Even bijkomen",
        "De eerste zomerweek. Ik ben nog een paar dagen op school om de formatie af te ronden. "
        "Wie spullen wil ophalen: de school is dinsdag en donderdag open.",
    ),
    31: BlogWeek(
        "Nieuwe collega's",
        "Na de zomer beginnen er twee nieuwe collega's bij ons: een leerkracht voor groep 4 en "
        "een onderwijsassistent voor de onderbouw. Ze zitten al in onze ruimte in Kring. Heet "
        "ze welkom!",
    ),
    32: BlogWeek(
        "Het nieuwe schooljaar komt eraan",
        "Nog een paar weken vakantie. De jaarplanning voor volgend jaar staat in de ruimte van "
        "de school. "
        "Kijk vooral naar de studiedagen en de data van de oudergesprekken.",
    ),
    33: BlogWeek(
        "Voorbereiden in je lokaal",
        "Vanaf maandag 10 augustus is de school open om je lokaal in te richten. De conciërge "
        "is er van 9.00 tot 15.00 uur. Koffie staat klaar.",
    ),
    34: BlogWeek(
        "Op naar een mooi schooljaar",
        "Over twee weken beginnen we. Maandag 17 augustus de startbijeenkomst van de stichting, "
        "dinsdag onze eigen teamdag. Ik heb er zin in!",
    ),
}

BLOG_QUESTIONS: Final[tuple[BlogQuestion, ...]] = (
    BlogQuestion(
        "Hoe laat moeten we donderdag op school zijn voor het kerstdiner?",
        "Wij spraken vorig jaar om 17.00 uur af, een half uur voordat de kinderen komen.",
        "Om 17.00 uur graag, dan hebben we nog even tijd samen.",
        weeks=(0, 1),
    ),
    BlogQuestion(
        "Mogen de kinderen bij de rapportgesprekken aanschuiven?",
        "Vanaf groep 6 doen wij dat al een paar jaar, de ouders vinden het fijn.",
        "Ja, vanaf groep 5 mag het, als jij en de ouders het willen.",
        weeks=(4, 9),
    ),
    BlogQuestion(
        "Waar vind ik de planning van de middentoetsen?",
        "Die hangt in de teamkamer bij het prikbord, en Lotte heeft hem ook in de groep van "
        "het IB-netwerk gezet.",
        "Ik zet hem vandaag ook hier in de ruimte van de school.",
        weeks=(4, 6),
    ),
    BlogQuestion(
        "Wie regelt de invaller als ik donderdag naar de cursus ga?",
        "Dat loopt via de administratie, die zet het in het vervangingsrooster.",
        "Geef het door aan de administratie, dan regel ik de invaller.",
    ),
    BlogQuestion(
        "Gaat de gymles door als het zo glad is op het plein?",
        "Vorige keer gingen we naar de speelzaal, dat werkte prima.",
        "Als het glad is, gymmen we in de speelzaal. De gymleerkracht laat het 's ochtends weten.",
        weeks=(4, 9),
    ),
    BlogQuestion(
        "Hoe lang mag een oudergesprek duren?",
        "Wij plannen tien minuten en houden vijf minuten tussen de gesprekken vrij.",
        "Tien minuten. Is er meer te bespreken, plan dan een vervolgafspraak.",
        weeks=(6, 9),
    ),
    BlogQuestion(
        "Moeten we de analyse van de middentoetsen in het nieuwe format maken?",
        "Ja, het format staat in de map van het IB-netwerk. Het is eigenlijk korter dan het oude.",
        "Ja graag, dan kunnen we de groepen beter vergelijken.",
        weeks=(5, 8),
    ),
    BlogQuestion(
        "Komt er een invaller voor groep 6 nu de juf ziek is?",
        "Er is een invaller voor maandag en dinsdag geregeld, de rest van de week nog niet.",
        "Ik zoek nog. Tot die tijd verdelen we de groep, het rooster volgt vanmiddag.",
    ),
    BlogQuestion(
        "Zijn de rapporten al klaar om te printen?",
        "Bij ons in de bovenbouw wel, de printer in de teamkamer doet het weer.",
        "Ja, uiterlijk woensdag printen graag, dan kunnen ze vrijdag mee.",
        weeks=(6, 7),
    ),
    BlogQuestion(
        "Waar staat de handleiding voor het inloggen in Kring?",
        "Die staat in de groep 'Vragen over Kring', bovenaan vastgezet.",
        "Fatima heeft een korte handleiding gemaakt; ze loopt ook graag even met je mee.",
        weeks=(9, 14),
    ),
    BlogQuestion(
        "Kunnen we de teamvergadering van woensdag een half uur later laten beginnen?",
        "Dat zou fijn zijn, dan kan ik eerst nog de ouders van groep 3 spreken.",
        "Prima, we beginnen om 15.00 uur.",
    ),
    BlogQuestion(
        "Wie neemt de pleinwacht over op de dag van de studiedag?",
        "Er is die dag geen school, dus geen pleinwacht nodig.",
        "Er is geen school op de studiedag, dus geen pleinwacht.",
        weeks=(10, 12),
    ),
    BlogQuestion(
        "Mogen we de werkgroep begrijpend lezen ook samen met Het Kompas doen?",
        "Daar werken ze met dezelfde methode, dat lijkt me heel zinvol.",
        "Goed idee! Ik bel hun directeur deze week.",
        weeks=(14, 19),
    ),
    BlogQuestion(
        "Hoe laten we de ouders weten dat we bij hitte buiten gymmen?",
        "Vorig jaar ging dat via de ouderapp, met een standaardbericht.",
        "Ik stuur een bericht via de ouderapp zodra het hitteprotocol ingaat.",
        weeks=(22, 28),
    ),
    BlogQuestion(
        "Wanneer horen we in welke groep we volgend jaar staan?",
        "Vorig jaar was het half juni, na de teamvergadering.",
        "Uiterlijk 15 juni. Ik spreek iedereen eerst persoonlijk.",
        weeks=(22, 25),
    ),
    BlogQuestion(
        "Is er budget voor een nieuwe kast voor de leesboeken?",
        "In groep 5 staat een kast die we bijna niet gebruiken, misschien kan die?",
        "Kijk eerst of de kast van groep 5 past; anders bestel ik een nieuwe.",
    ),
    BlogQuestion(
        "Wie heeft de sleutel van de materialenkast van de gymzaal?",
        "Die hangt in het sleutelkastje bij de conciërge, op het haakje 'gym'.",
        "Bij de conciërge. Graag na gebruik terughangen.",
    ),
    BlogQuestion(
        "Gaat het schoolreisje door als het regent?",
        "Het park heeft een overdekte speelhal, dus dat komt wel goed.",
        "Ja, het gaat door. Geef de kinderen een regenjas mee.",
        weeks=(23, 26),
    ),
    BlogQuestion(
        "Hoeveel begeleiders hebben we per groep nodig voor het schoolreisje?",
        "Wij rekenen altijd één begeleider op zes kinderen.",
        "Eén op zes in de onderbouw, één op acht in de bovenbouw.",
        weeks=(23, 26),
    ),
    BlogQuestion(
        "Moeten de lokalen voor de zomer helemaal leeg?",
        "Alleen de kasten leeg en de tafels aan de kant, de schoonmakers doen de rest.",
        "Alleen de lokalen die verhuizen. De rest: kasten dicht en tafels aan de kant.",
        weeks=(27, 29),
    ),
    BlogQuestion(
        "Wanneer is de generale repetitie van de musical?",
        "Woensdag om 13.00 uur in de aula, dan kunnen alle groepen kijken.",
        "Woensdagmiddag om 13.00 uur. De onderbouw kijkt mee.",
        weeks=(27, 28),
    ),
    BlogQuestion(
        "Kunnen we de foto's van de musical in onze ruimte zetten?",
        "Alleen van de kinderen met toestemming, de lijst ligt bij de administratie.",
        "Ja, maar alleen met toestemming van de ouders. Twijfel je, vraag het de administratie.",
        weeks=(28, 29),
    ),
    BlogQuestion(
        "Is de school in de zomer open om spullen op te halen?",
        "Vorig jaar was hij op dinsdag en donderdag open.",
        "Op dinsdag en donderdag van 9.00 tot 15.00 uur.",
        weeks=(28, 31),
    ),
    BlogQuestion(
        "Wanneer krijgen de nieuwe collega's hun laptop?",
        "ICT komt meestal in de laatste zomerweek de laptops brengen.",
        "In de week voor de start. Ik heb het bij ICT aangevraagd.",
        weeks=(30, 34),
    ),
    BlogQuestion(
        "Doen we dit jaar weer mee aan de Kinderboekenweek-wedstrijd?",
        "Graag! De kinderen vonden het vorig jaar geweldig.",
        "Ja, ik zet het op de jaarplanning.",
        weeks=(30, 34),
    ),
    BlogQuestion(
        "Waar kan ik de nieuwe jaarplanning vinden?",
        "Die staat vastgezet bovenaan in onze ruimte.",
        "Bovenaan in de ruimte van de school, en op papier in de teamkamer.",
        weeks=(30, 34),
    ),
    BlogQuestion(
        "Mogen we bij de Koningsspelen ook ouders vragen om te helpen?",
        "Vorig jaar hielpen zes ouders bij het circuit, dat was heel fijn.",
        "Ja graag, vraag het via de ouderapp van je groep.",
        weeks=(16, 18),
    ),
    BlogQuestion(
        "Is het kopieerapparaat op de eerste verdieping al gerepareerd?",
        "Nog niet, ik heb vanochtend beneden gekopieerd.",
        "De monteur komt woensdag. Tot die tijd beneden, sorry!",
    ),
    BlogQuestion(
        "Mogen we in Kring ook foto's van de klas delen?",
        "Alleen met toestemming van de ouders, dat staat in de nieuwe afspraken.",
        "Ja, in onze eigen ruimte, als de ouders toestemming hebben gegeven.",
        weeks=(12, 17),
    ),
    BlogQuestion(
        "Komt er een nieuwe methode voor begrijpend lezen?",
        "Ik hoorde dat de werkgroep eerst gaat kijken wat andere scholen doen.",
        "Dat beslissen we samen, na de proeflessen in juni.",
        weeks=(14, 24),
    ),
    BlogQuestion(
        "Hoe laat begint het paasontbijt?",
        "Donderdagochtend om half negen, in de eigen klas.",
        "Om 8.30 uur in de klassen. De ouderraad brengt de broodjes.",
        weeks=(15, 16),
    ),
    BlogQuestion(
        "Hoe laat begint de schoolfotograaf?",
        "Om half negen met de kleuters, stond in het rooster.",
        "Om 8.30 uur; het rooster hangt in de teamkamer.",
        weeks=(16, 17),
    ),
    BlogQuestion(
        "Wie heeft er nog ruimte in de kast voor de knutselspullen?",
        "In het kopieerhok is de onderste plank leeg.",
        "Gebruik de kast in de hal, die is net opgeruimd.",
    ),
    BlogQuestion(
        "Moet ik nog iets voorbereiden voor de vergadering van woensdag?",
        "Alleen even de notulen van vorige keer lezen.",
        "Lees de notulen en neem je ideeën voor het pleinbeleid mee.",
    ),
    BlogQuestion(
        "Wanneer weten we de data van de schoolreisjes?",
        "Die stonden in de jaarplanning: de week van 8 juni.",
        "De week van 8 juni; de precieze dag per groep volgt.",
        weeks=(22, 25),
    ),
    BlogQuestion(
        "Waar kan ik een verlofaanvraag indienen?",
        "Via het formulier bij 'Weten en regelen'.",
        "Via het formulier; ik keur het dezelfde week goed.",
    ),
)


# -- the staff association (personeelsvereniging) ---------------------------------------------

# Twenty questions, each asked in its demo week and answered within two days (ANALYTICS.md §11).
STAFF_ASSOCIATION_QUESTIONS: Final[tuple[tuple[int, Question], ...]] = (
    (
        1,
        Question(
            "Waar kan ik mijn kerstpakket ophalen?",
            "Ik werk op donderdag en vrijdag niet. Kan ik mijn kerstpakket ergens anders ophalen?",
            (
                "De pakketten worden per school bezorgd; je directeur bewaart het voor je tot na "
                "de "
                "vakantie.",
                "Bij ons staan ze in de kamer van de administratie, met je naam erop.",
            ),
            "Top, dan haal ik het in januari op!",
        ),
    ),
    (
        1,
        Question(
            "Is het kerstfeest ook voor partners?",
            "Mag mijn partner mee naar het kerstfeest van de personeelsvereniging?",
            (
                "Dit jaar is het kerstfeest alleen voor collega's. Bij de barbecue in juni zijn "
                "partners wel welkom!",
                "Vorig jaar was het ook alleen voor collega's, en dat was juist heel gezellig.",
            ),
        ),
    ),
    (
        4,
        Question(
            "Hoeveel is de contributie?",
            "Ik ben net begonnen. Wat kost het lidmaatschap van de personeelsvereniging?",
            (
                "De contributie is 4 euro per maand, die wordt ingehouden op je salaris. Je meldt "
                "je "
                "aan via het formulier bij 'Weten en regelen'.",
                "En daar krijg je veel voor terug: het kerstpakket alleen al is het waard.",
            ),
            "Dank je, ik heb me aangemeld!",
        ),
    ),
    (
        5,
        Question(
            "Kan ik ook lid worden als ik parttime werk?",
            "Ik werk twee dagen per week. Is de contributie dan ook lager?",
            (
                "Iedereen betaalt hetzelfde bedrag, ongeacht je aanstelling. Je bent bij alle "
                "uitjes "
                "welkom.",
            ),
        ),
    ),
    (
        7,
        Question(
            "Wanneer is het volgende uitje?",
            "Ik heb het kerstfeest gemist. Staat er al iets gepland voor het voorjaar?",
            (
                "Op vrijdag 27 maart gaan we bowlen in Alkmaar. De uitnodiging volgt na de "
                "voorjaarsvakantie.",
                "Zet hem maar vast in je agenda, vorig jaar was het hartstikke leuk.",
            ),
            "Staat in mijn agenda!",
        ),
    ),
    (
        9,
        Question(
            "Doen we iets voor collega's die langdurig ziek zijn?",
            "Een collega van onze school is al een paar maanden ziek. Stuurt de "
            "personeelsvereniging dan iets?",
            (
                "Ja, na vier weken ziekte sturen we een bloemetje of een attentie. Laat het ons "
                "weten "
                "via een bericht aan het bestuur; we houden het vertrouwelijk.",
                "In de groep 'Lief en leed' kun je ook een kaart voor haar laten rondgaan.",
            ),
            "Dank jullie, ik stuur jullie een bericht.",
        ),
    ),
    (
        13,
        Question(
            "Is er bij het bowlen ook een vegetarische snack?",
            "Ik eet geen vlees. Is daar bij het bowlen rekening mee gehouden?",
            (
                "Zeker, er is een vegetarische bittergarnituur en er zijn nacho's. Geef het even "
                "aan "
                "bij je aanmelding.",
            ),
            "Fijn, dank je!",
        ),
    ),
    (
        14,
        Question(
            "Mag ik iemand meenemen naar het bowlen?",
            "Mijn collega van de overblijf is geen lid. Mag ze toch mee?",
            (
                "Niet-leden zijn welkom voor 15 euro, zolang er plek is. Er zijn nog zes banen "
                "vrij.",
                "Wij nemen onze stagiaire ook mee, dat mocht vorig jaar ook.",
            ),
        ),
    ),
    (
        16,
        Question(
            "Is er een cadeauregeling bij een geboorte?",
            "Een collega van ons is net bevallen. Geeft de personeelsvereniging dan een cadeau?",
            (
                "Ja! Bij een geboorte sturen we een kraamcadeau. Geef naam en adres door aan de "
                "penningmeester, dan regelen wij de rest.",
                "Gefeliciteerd aan jullie collega!",
            ),
            "Doorgegeven, dank jullie wel!",
        ),
    ),
    (
        17,
        Question(
            "Wie regelt het bloemetje bij een jubileum?",
            "Onze conciërge is volgende maand 25 jaar in dienst. Regelt de personeelsvereniging "
            "daar iets voor?",
            (
                "Bij een jubileum zorgt het bestuur van de stichting voor een cadeau; wij sturen "
                "een "
                "bloemetje. Laat de datum weten, dan zorgen we dat het op tijd is.",
            ),
        ),
    ),
    (
        18,
        Question(
            "Komt er dit jaar weer een sportdag voor collega's?",
            "Vorig jaar was er een sportdag met barbecue. Gaat dat dit jaar ook door?",
            (
                "Zeker! We kiezen de datum samen: stem in de peiling die we volgende week "
                "plaatsen.",
                "Ik hoop op volleybal, dat was vorig jaar de hit.",
            ),
            "Ik stem zeker!",
        ),
    ),
    (
        22,
        Question(
            "Kun je ook alleen naar de barbecue komen?",
            "Sporten is niet zo mijn ding, maar de barbecue lijkt me gezellig. Kan dat?",
            (
                "Natuurlijk! De barbecue begint om 17.30 uur, je kunt gewoon aanschuiven.",
                "Je kunt ook komen aanmoedigen, dat is minstens zo belangrijk.",
            ),
            "Dan zie ik jullie om half zes!",
        ),
    ),
    (
        23,
        Question(
            "Mogen mijn kinderen mee naar de sportdag?",
            "Mijn kinderen zijn 8 en 11. Mogen zij mee naar de sportdag en de barbecue?",
            (
                "Kinderen zijn welkom! Voor hen is er een springkussen en een eigen estafette. "
                "Geef "
                "bij je aanmelding door hoeveel kinderen er meekomen.",
            ),
            "Ze gaan het geweldig vinden, dank je!",
        ),
    ),
    (
        24,
        Question(
            "Hoe meld ik me af als ik ziek ben?",
            "Ik heb me aangemeld voor de sportdag, maar misschien kan ik toch niet. Hoe meld ik "
            "me af?",
            (
                "Stuur een bericht aan een van de bestuursleden, dan halen we je van de lijst. Het "
                "liefst een paar dagen vooraf, vanwege de catering.",
            ),
        ),
    ),
    (
        26,
        Question(
            "Is er vervoer naar de barbecue?",
            "Ik heb geen auto. Kan ik ergens meerijden vanuit Heerhugowaard?",
            (
                "We maken een lijst met carpoolers. Zet je naam in de reacties, dan koppelen we "
                "jullie.",
                "Ik rijd vanuit Heerhugowaard en heb nog twee plekken!",
            ),
            "Super, ik stuur je een berichtje!",
        ),
    ),
    (
        26,
        Question(
            "Komen de foto's van de barbecue online?",
            "Ik wil niet graag op foto's op internet. Worden er foto's gemaakt?",
            (
                "We maken foto's voor onze groep hier in Kring, niet voor internet. Wil je niet op "
                "de "
                "foto, zeg het tegen de fotograaf; die houdt er rekening mee.",
            ),
            "Fijn om te weten, dank je.",
        ),
    ),
    (
        27,
        Question(
            "Wat gebeurt er met het geld dat overblijft?",
            "Als er aan het eind van het jaar geld over is, wat doet de personeelsvereniging "
            "daarmee?",
            (
                "Wat overblijft, gaat naar het volgende jaar. Op de jaarvergadering in september "
                "leggen we verantwoording af en kun je meebeslissen over de plannen.",
            ),
        ),
    ),
    (
        28,
        Question(
            "Kunnen we iets doen voor het afscheid van de bestuurssecretaris?",
            "Ze heeft zoveel voor iedereen gedaan. Kan de personeelsvereniging iets regelen?",
            (
                "Goed idee! We doen een bijdrage aan het cadeau van het bestuursbureau. Wil je "
                "persoonlijk iets geven, dan staat er een envelop bij de receptie.",
                "Ik doe graag mee, ze heeft mij zo vaak geholpen.",
            ),
        ),
    ),
    (
        30,
        Question(
            "Kunnen nieuwe collega's meteen lid worden?",
            "Bij ons begint in augustus een nieuwe collega. Kan zij al lid worden?",
            (
                "Ja, vanaf haar eerste werkdag. Stuur haar de link naar het aanmeldformulier; het "
                "kerstpakket is ook voor haar!",
            ),
            "Ik stuur het door, dank je!",
        ),
    ),
    (
        33,
        Question(
            "Wanneer is de jaarvergadering?",
            "Ik wil graag meedenken over de uitjes van volgend jaar. Wanneer is de "
            "jaarvergadering?",
            (
                "Op donderdag 24 september om 16.00 uur op het bestuursbureau. Ideeën mag je ook "
                "hier al delen!",
                "Ik heb een idee: een keer een escaperoom met elkaar?",
            ),
            "Ik kom zeker, en ik neem ideeën mee.",
        ),
    ),
)

# What the association's board posts, by demo week.
STAFF_ASSOCIATION_NOTES: Final[tuple[tuple[int, Note], ...]] = (
    (
        0,
        Note(
            "Welkom bij de personeelsvereniging in Kring! Hier vind je de uitjes, het kerstfeest "
            "en de sportdag. Heb je een vraag? Stel hem hier, dan antwoorden we binnen twee dagen. "
            "#personeelsvereniging",
            replies=(
                "Leuk dat jullie hier ook zitten!",
                "Handig, dan hoef ik niet meer te zoeken in mijn mail.",
            ),
        ),
    ),
    (
        1,
        Note(
            "De kerstpakketten zijn onderweg naar de scholen! Dit jaar met producten van lokale "
            "ondernemers uit de regio. Je directeur deelt ze deze week uit.",
            replies=("Wat een mooi pakket, dank jullie wel!", "De kaas is al op, heerlijk!"),
            photo=Photo(
                "Kerstpakketten 2025",
                "Gestapelde kerstpakketten met een rode strik in de hal van het bestuursbureau.",
                "#a4262c",
            ),
        ),
    ),
    (
        9,
        Note(
            "Bowlen! Op vrijdag 27 maart gaan we bowlen bij de bowlingbaan in Alkmaar, van 16.30 "
            "tot 19.30 uur, met een bittergarnituur. Meld je aan vóór 20 maart door op dit "
            "bericht te reageren. #uitje",
            replies=(
                "Ik ben erbij!",
                "Wij komen met vijf collega's van onze school.",
                "Gezellig, ik meld me aan.",
            ),
        ),
    ),
    (
        15,
        Note(
            "Wat een gezellige middag bij het bowlen! De winnaars van de wisselbeker: het team van "
            "Het Palet. De foto's staan hieronder.",
            replies=(
                "Volgend jaar pakken wij die beker!",
                "Wat was het leuk, dank aan de organisatie!",
            ),
            photo=Photo(
                "Bowlen 2026",
                "Collega's juichen bij een bowlingbaan; op het scorebord staat een strike.",
                "#2f6f3e",
            ),
        ),
    ),
    (
        23,
        Note(
            "Sportdag en barbecue op vrijdag 26 juni! We beginnen om 14.00 uur met volleybal, "
            "jeu de boules en een estafette, om 17.30 uur gaat de barbecue aan. Partners en "
            "kinderen zijn welkom. Aanmelden kan tot 19 juni. #uitje",
            replies=("Ik kom met mijn gezin!", "Wij hebben al een volleybalteam!"),
        ),
    ),
    (
        28,
        Note(
            "Dank jullie wel voor een fantastische sportdag! Meer dan honderd collega's, een "
            "zonnetje en een barbecue die tot de laatste worst op ging.",
            replies=("Wat een topdag, dank aan de organisatie!", "Volgend jaar weer!"),
            photo=Photo(
                "Sportdag en barbecue",
                "Een volleybalwedstrijd op een grasveld; op de "
                "achtergrond staan collega's rond een barbecue.",
                "#c2571a",
            ),
        ),
    ),
    (
        32,
        Note(
            "Nieuwe collega's: welkom! Word lid van de personeelsvereniging voor 4 euro per maand "
            "en doe mee met het kerstfeest, het voorjaarsuitje en de sportdag. Het "
            "aanmeldformulier "
            "staat bij 'Weten en regelen'. #personeelsvereniging",
        ),
    ),
)


# -- the spaces of the schools and of the board office ---------------------------------------

SCHOOL_NOTES: Final[tuple[Note, ...]] = (
    Note(
        "Wie heeft er nog lamineerhoezen? Ik wil het weekrooster van {groep} plastificeren en "
        "ons pak is op.",
        replies=(
            "Ik heb er nog een paar in mijn la, kom maar halen.",
            "In de kast van het kopieerhok ligt een nieuw pak, bovenste plank.",
        ),
    ),
    Note(
        "Herinnering: morgen is de gymzaal dicht vanwege onderhoud. De gymlessen verhuizen "
        "naar de speelzaal. #rooster",
        replies=("Dank voor het laten weten!",),
    ),
    Note(
        "Onze groep heeft vandaag de moestuin ingezaaid: radijs, sla en zonnebloemen. De "
        "kinderen zijn apetrots.",
        replies=("Wat leuk! Mogen wij volgende week ook een bak?", "Prachtig, ik kom kijken!"),
        photo=Photo(
            "Moestuin",
            "Vier houten moestuinbakken op het schoolplein met net "
            "ingezaaide rijtjes en naambordjes.",
            "#4d7c0f",
        ),
    ),
    Note(
        "Wie wil {dag} de pleinwacht met me ruilen? Ik moet naar de tandarts.",
        replies=("Ik neem hem over, ruil jij dan volgende week donderdag?",),
    ),
    Note(
        "De leesouders beginnen volgende week weer. Het rooster hangt in de teamkamer; laat "
        "het me weten als je groep ergens niet uitkomt.",
        replies=("Fijn, mijn groep kan ze goed gebruiken.",),
    ),
    Note(
        "Kanjertraining vandaag: de les over de witte pet. Een leerling zei: 'Ik ben gewoon "
        "mezelf, ook als het spannend is.' Daar doe je het voor. #kanjertraining",
        replies=("Kippenvel!", "Mooi, dat is precies waar het om gaat."),
        mood="cheer",
    ),
    Note(
        "Het kopieerapparaat heeft weer papier en doet het weer. Graag niet meer dan vijftig "
        "kopieën tegelijk, dan blijft hij heel.",
    ),
    Note(
        "Vrijdag om 10.15 uur taart in de teamkamer: onze conciërge is jarig!",
        replies=("Gefeliciteerd! Ik neem slagroom mee.", "Hoera!", "Ik ben er!"),
        mood="own",
    ),
    Note(
        "Vanaf vandaag staat er elke ochtend fruit in de teamkamer, aangeboden door de "
        "ouderraad. Dank jullie wel!",
        replies=("Wat attent van de ouderraad.",),
    ),
    Note(
        "Groep 5 heeft alle tafels gehaald! Het rekenmuurtje in de gang is helemaal vol. #rekenen",
        replies=("Knap gedaan! Mogen ze bij ons komen vertellen hoe ze het hebben gedaan?",),
        mood="cheer",
    ),
    Note(
        "De nieuwe leesmethode is binnen. De dozen staan in het kopieerhok; pak je eigen "
        "set voor {groep} als je tijd hebt. #lezen",
    ),
    Note(
        "Gevonden voorwerpen: de bak staat weer vol. Vrijdag gaat alles wat er nog ligt naar "
        "de kringloop. Wil je het in je groep noemen?",
        replies=("Ik heb er vandaag drie jassen uit gevist voor mijn groep.",),
    ),
    Note(
        "Het schoolkamp van groep 8 was geweldig. Drie dagen zon, een bonte avond en bijna "
        "geen slaap. Dank aan alle begeleiders!",
        replies=("Wat een mooie herinneringen voor de kinderen.", "Respect voor de begeleiders!"),
        photo=Photo(
            "Kamp groep 8",
            "Een groep kinderen met rugzakken voor een kampboerderij, de "
            "gezichten zijn niet herkenbaar.",
            "#35648a",
        ),
    ),
    Note(
        "Wie gaat er mee als begeleider naar het museum op {dag}? We hebben nog twee ouders "
        "of collega's nodig.",
        replies=("Ik kan mee, ik heb die ochtend geen groep.",),
    ),
    Note(
        "Het pleinrooster voor de voetbalkooi gaat maandag in. Elke groep heeft een eigen "
        "dag; het schema hangt bij de deur. #pleinwacht",
        replies=("Goed plan, dan is er minder ruzie.",),
    ),
    Note(
        "Wat een sneeuw vanochtend! De kleuters waren niet meer binnen te houden, dus we "
        "hebben eerst een sneeuwpop gemaakt.",
        replies=("Heerlijk! Wij hebben een sneeuwballengevecht gedaan met groep 6.",),
        photo=Photo(
            "Sneeuw op het plein",
            "Een sneeuwpop met een oranje sjaal op een besneeuwd schoolplein.",
            "#5b7fa3",
        ),
    ),
    Note(
        "Dank aan onze conciërge voor de nieuwe kapstokken in de gang van de onderbouw. Ze "
        "zijn prachtig geworden!",
        replies=("Echt mooi gedaan!", "Eindelijk plek voor alle jassen."),
        mood="cheer",
    ),
    Note(
        "De schoolfotograaf komt donderdag. Het rooster: eerst de kleuters, dan de groepen 3 "
        "tot en met 8, en om 11.30 uur de broertjes en zusjes.",
    ),
    Note(
        "Wie wil er meedoen met de werkgroep feesten? We beginnen met het plannen van het "
        "paasontbijt en de Koningsspelen.",
        replies=("Ik doe mee!", "Ik help graag met de Koningsspelen."),
    ),
    Note(
        "We doen mee met de Nationale Voorleesdagen. Wie kent een opa of oma die wil komen "
        "voorlezen in de kleutergroepen? #lezen",
    ),
    Note(
        "Onze groep heeft de Koningsspelen geopend met het Koningslied. Wat een energie!",
        replies=("Zo leuk om te zien!",),
        photo=Photo(
            "Koningsspelen",
            "Kinderen in oranje dansen op het schoolplein; op de achtergrond hangen vlaggetjes.",
            "#e07b00",
        ),
    ),
    Note(
        "Het schoolreisje van de middenbouw: een dag in het Speelpark. Iedereen is weer "
        "heelhuids thuis, en de bus was op tijd!",
        photo=Photo(
            "Schoolreis",
            "Een touringcar voor de school, met een groep kinderen met "
            "rugzakjes van achteren gezien.",
            "#6b4e9b",
        ),
    ),
    Note(
        "De generale repetitie van de musical is woensdag om 13.00 uur in de aula. Alle "
        "groepen zijn welkom om te kijken!",
        replies=("Wij komen met de hele groep!",),
    ),
    Note(
        "Bedankt voor alle kaarten en de bloemen na mijn operatie. Het gaat goed met me en "
        "ik hoop na de vakantie weer te beginnen.",
        replies=(
            "Fijn om te horen! Beterschap en rustig aan.",
            "We missen je, tot snel!",
            "Goed om te horen dat het goed gaat. Sterkte met het herstel!",
        ),
        mood="own",
    ),
    Note(
        "De ouderavond van {groep} was goed bezocht. Dank aan iedereen die heeft geholpen met "
        "klaarzetten en opruimen. #ouderavond",
    ),
    Note(
        "Het groepsplan voor {groep} staat in de gedeelde map. Wie er naar wil kijken voor "
        "de overdracht, ga je gang.",
    ),
    Note(
        "Vanaf maandag staat de glasbak op een andere plek: naast de fietsenstalling. De "
        "oude plek wordt een zandbak voor de kleuters.",
    ),
    Note(
        "Voor de overblijf zijn er nieuwe spelletjes voor binnen, voor als het regent. Ze "
        "staan in de blauwe kast in de hal.",
        replies=("Fijn, daar zaten de kinderen echt op te wachten.",),
    ),
    Note(
        "Een mooi compliment van een ouder vandaag: 'Mijn zoon gaat weer met plezier naar "
        "school.' Dat wilde ik even delen.",
        replies=("Wat fijn!", "Dat is waar we het voor doen."),
        mood="cheer",
    ),
    Note(
        "Morgen is onze eigen studiedag. We beginnen om 8.30 uur in de teamkamer; neem je "
        "laptop mee. #studiedag",
    ),
)

DIRECTOR_NOTES: Final[tuple[Note, ...]] = (
    Note(
        "Teamvergadering woensdag om 15.00 uur. Op de agenda: de pleinafspraken, de "
        "werkdrukmiddelen en de Koningsspelen. Aanvullingen? Zet ze hieronder.",
        replies=("Kunnen we ook de planning van de rapporten bespreken?",),
    ),
    Note(
        "Welkom aan onze nieuwe collega, die maandag begint als onderwijsassistent in de "
        "onderbouw. Maak even kennis in de pauze!",
        replies=(
            "Welkom!",
            "Welkom, fijn dat je er bent!",
            "Welkom in ons team! Loop gerust even binnen als je iets zoekt.",
        ),
        mood="own",
    ),
    Note(
        "Het nieuwe pleinwachtrooster voor de komende periode staat in de bestanden van "
        "deze ruimte. Ruilen mag, als je het maar even doorgeeft. #pleinwacht",
    ),
    Note(
        "Deze week zijn er twee collega's ziek. De vervanging: maandag en dinsdag een "
        "invaller in {groep}, woensdag verdelen we de groep. Dank voor jullie flexibiliteit.",
        replies=("Geen probleem, ik neem er vier bij.",),
    ),
    Note(
        "De komende weken kom ik in alle groepen op bezoek. Het is geen beoordeling: ik wil "
        "zien hoe het gaat en waar ik kan helpen.",
    ),
    Note(
        "Compliment voor het hele team: de ouders waren zeer te spreken over de ouderavond. "
        "Dank jullie wel! #ouderavond",
        replies=("Mooi om te horen!",),
        mood="cheer",
    ),
    Note(
        "De werkdrukmiddelen: we kiezen weer voor een onderwijsassistent in de onderbouw en "
        "een vakleerkracht muziek. De MR heeft ingestemd. #werkdruk",
        replies=("Goede keuze, dat scheelt echt.",),
    ),
    Note(
        "Het ontruimingsplan is bijgewerkt. Lees het even door; de oefening is in de week "
        "na de vakantie, onaangekondigd natuurlijk. #bhv",
    ),
    Note(
        "De formatie voor volgend jaar: ik spreek iedereen de komende twee weken even "
        "persoonlijk. Plan een moment in mijn agenda. #formatie",
    ),
    Note(
        "Fijn dat we steeds meer in deze ruimte delen. Ik merk dat ik veel minder mail "
        "stuur en dat jullie sneller op de hoogte zijn. Dank jullie wel!",
        replies=("Ik merk het ook, veel overzichtelijker.",),
    ),
)

SCHOOL_QUESTIONS: Final[tuple[Question, ...]] = (
    Question(
        "Hoe werkt de nieuwe printer?",
        "Ik krijg steeds een foutmelding als ik vanaf mijn laptop wil printen. Wie weet hoe "
        "het moet?",
        (
            "Je moet eerst de printer 'Kopieerhok' kiezen en dan met je pas bij het apparaat "
            "inloggen.",
            "Bij mij hielp het om de laptop even opnieuw op te starten.",
        ),
        "Gelukt, dank je!",
    ),
    Question(
        "Waar liggen de reservesleutels van het speellokaal?",
        "Mijn sleutel is kwijt en ik moet over tien minuten gymmen.",
        ("In het sleutelkastje bij de administratie, op het haakje 'speellokaal'.",),
        "Gevonden, dank je wel!",
    ),
    Question(
        "Hoe zet ik het digibord op een andere invoer?",
        "Ik wil mijn laptop aansluiten op het digibord, maar ik krijg geen beeld.",
        (
            "Druk op de knop 'input' rechtsonder en kies HDMI 2.",
            "En check of de kabel goed in je laptop zit, die schiet er bij mij vaak uit.",
        ),
        "Het werkt, fijn!",
    ),
    Question(
        "Heeft iemand een idee voor een afscheidscadeau voor onze stagiaire?",
        "Onze stagiaire stopt na dit blok. Wat geven jullie meestal?",
        (
            "Wij lieten de kinderen een boekje maken met tekeningen en tips, dat vond ze prachtig.",
            "Een bon van de boekwinkel doet het altijd goed.",
        ),
    ),
    Question(
        "Wie kan donderdag de overblijf overnemen?",
        "Ik heb donderdag een cursus. Kan iemand mijn overblijfbeurt overnemen?",
        ("Ik doe het, als jij mijn beurt van volgende week dinsdag neemt.",),
        "Deal!",
    ),
    Question(
        "Hoe vraag ik verlof aan voor een bruiloft?",
        "Mijn broer gaat trouwen op een vrijdag. Hoe vraag ik daarvoor verlof aan?",
        (
            "Dat is buitengewoon verlof. Je vraagt het aan bij de directeur, het formulier staat "
            "bij 'Weten en regelen'.",
            "Doe het op tijd, dan kan er een invaller geregeld worden.",
        ),
        "Dank jullie, ik regel het deze week.",
    ),
    Question(
        "Moeten we op de studiedag zelf lunch meenemen?",
        "Weet iemand of er op de studiedag lunch wordt geregeld?",
        ("De lunch wordt verzorgd, stond in het nieuwsbericht.",),
    ),
    Question(
        "Waar staat het ontruimingsplan?",
        "Ik ben nieuw op school. Waar kan ik het ontruimingsplan vinden?",
        (
            "Het hangt in elk lokaal bij de deur, en het staat in de bestanden van deze ruimte.",
            "Vraag de conciërge ook even naar de verzamelplaats, die is sinds dit jaar anders.",
        ),
    ),
    Question(
        "Mogen leerlingen hun telefoon meenemen op schoolreis?",
        "Een paar ouders vragen of hun kind de telefoon mee mag nemen. Wat is de afspraak?",
        ("De afspraak is: telefoon mag mee, maar blijft in de tas tot de terugreis.",),
    ),
    Question(
        "Wie weet het wachtwoord van de wifi voor gasten?",
        "De logopedist komt morgen en vraagt naar de gastenwifi.",
        ("Dat staat op het briefje achter de balie van de administratie.",),
        "Dank je!",
    ),
    Question(
        "Zijn er nog potloden voor de toetsen?",
        "Ik heb nog zes HB-potloden nodig voor de middentoetsen.",
        (
            "In de voorraadkast liggen er nog twee dozen.",
            "Ik heb er nog een handvol in mijn lokaal, kom maar halen.",
        ),
    ),
    Question(
        "Hoe deel ik een groepsplan in deze ruimte?",
        "Ik wil het groepsplan delen met mijn duo. Kan dat hier, of beter niet?",
        (
            "Groepsplannen met namen van leerlingen horen in het leerlingvolgsysteem, niet hier. "
            "Hier deel je liever de algemene planning.",
            "Je duo kan er in het leerlingvolgsysteem ook bij.",
        ),
        "Goed dat je het zegt, dank je.",
    ),
    Question(
        "Heeft iemand ervaring met een arrangement aanvragen?",
        "Ik wil voor een leerling een arrangement aanvragen bij het samenwerkingsverband. "
        "Hoe begin ik?",
        (
            "Begin bij de intern begeleider; die kent de route en de formulieren.",
            "Het duurt meestal zes weken, dus begin op tijd.",
        ),
    ),
    Question(
        "Gaat de pleinwacht door bij regen?",
        "Het regent pijpenstelen. Blijven de kinderen binnen?",
        ("Bij echte regen blijven ze in de klas; bij een buitje gaan ze gewoon naar buiten.",),
    ),
    Question(
        "Mag ik ruilen van gymtijd?",
        "Ik heb op donderdag een uitje. Wil een groep met mij ruilen van gymtijd?",
        ("Wij kunnen ruilen, wij hebben op woensdag om 10.00 uur.",),
        "Top, dank je!",
    ),
    Question(
        "Waar kan ik mijn declaratie voor de cursus inleveren?",
        "Ik heb een cursus betaald. Hoe krijg ik het geld terug?",
        ("Via het declaratieformulier in het personeelsportaal. Je directeur keurt het goed.",),
    ),
    Question(
        "Wie heeft de bak met scharen van groep 3 gezien?",
        "Hij stond gisteren nog in de gang.",
        ("Die heb ik geleend voor de knutselmiddag, ik zet hem vanmiddag terug!",),
        "Geen probleem, fijn dat hij er is!",
    ),
    Question(
        "Wanneer is de volgende MR-vergadering?",
        "Ik wil een punt inbrengen over het pleinrooster.",
        ("Op dinsdag over twee weken, om 19.30 uur. Stuur je punt naar de voorzitter.",),
    ),
)

OFFICE_NOTES: Final[tuple[Note, ...]] = (
    Note(
        "Vergaderruimte 2 is vanaf nu te reserveren via de gedeelde agenda. Graag na "
        "afloop de tafels terugzetten."
    ),
    Note(
        "Lunchwandeling om 12.30 uur: een rondje door de Hout. Wie loopt er mee?",
        replies=("Ik ga mee!", "Als het droog is, ben ik erbij."),
    ),
    Note("De salarisstroken van deze maand staan in het personeelsportaal.", replies=("Dank je!",)),
    Note("Vanavond vanaf 19.00 uur onderhoud aan het netwerk. Sla je werk op tijd op."),
    Note(
        "Redactieoverleg donderdag om 10.00 uur. Tips voor nieuwsberichten uit de scholen "
        "zijn welkom!"
    ),
    Note(
        "Taart bij de koffieautomaat: onze controller is jarig!",
        replies=(
            "Gefeliciteerd!",
            "Hiep hiep hoera!",
            "Gefeliciteerd! Ik kom zo een stukje halen.",
        ),
        mood="own",
    ),
    Note(
        "De nieuwe laptops voor de scholen zijn binnen. We brengen ze de komende twee weken "
        "rond; het rooster per school volgt."
    ),
    Note(
        "De begroting voor volgend jaar is klaar en gaat naar de GMR. Dank aan iedereen die "
        "heeft meegerekend."
    ),
)

OFFICE_QUESTIONS: Final[tuple[Question, ...]] = (
    Question(
        "Wie heeft de sleutel van de archiefkast?",
        "Ik zoek een oud dossier en de kast zit op slot.",
        ("Die ligt bij de bestuurssecretaris, in de bovenste la.",),
        "Dank je!",
    ),
    Question(
        "Hoe boek ik de poolauto?",
        "Ik moet morgen naar De Meander. Kan ik de poolauto gebruiken?",
        ("Via de gedeelde agenda 'Poolauto'. De sleutel hangt bij de receptie.",),
    ),
    Question(
        "Kan iemand de beamer in de grote zaal aansluiten?",
        "Over een kwartier begint de GMR-vergadering en ik krijg geen beeld.",
        ("Ik kom eraan!", "De kabel zit in het kastje onder het scherm."),
        "Gered, dank jullie!",
    ),
    Question(
        "Waar vind ik het format voor de managementrapportage?",
        "Ik moet de kwartaalrapportage voor de directeuren maken.",
        ("In de map Financiën, onder Sjablonen. Neem de versie van dit jaar.",),
    ),
    Question(
        "Is de parkeergarage in de zomer open?",
        "Ik werk in juli een paar dagen op kantoor.",
        ("Ja, alleen de slagboom staat open, je hoeft je pas niet te gebruiken.",),
    ),
)


# -- the communities ----------------------------------------------------------------------------

COMMUNITY_NOTES: Final[dict[str, tuple[Note, ...]]] = {
    "group_2": (
        Note(
            "Welkom in de groep voor alle leerkrachten van groep 1-2! Ons herfstthema liep "
            "zo goed dat ik het wil delen: wie doet mee met ideeën voor het thema winter? "
            "#kleuters",
            replies=(
                "Wat een goed idee, deze groep! Ik deel volgende week onze winterhoek.",
                "Eindelijk, ik zat hier al zo lang op te wachten.",
            ),
        ),
        Note(
            "Onze wintertafel: ijs in bakjes met kleurstof, dennenappels en een boek over "
            "ijsberen. De kinderen blijven er maar aan zitten. #thema",
            replies=("Prachtig! Dat ijs met kleurstof ga ik morgen doen.",),
            photo=Photo(
                "Wintertafel groep 1-2",
                "Een tafel met bakjes gekleurd ijs, dennenappels en een prentenboek over ijsberen.",
                "#3d7ea6",
            ),
        ),
        Note(
            "Tip: laat de kinderen bij de kring een knuffel doorgeven. Alleen wie de knuffel "
            "heeft, praat. Werkt bij ons wonderen. #kring",
            replies=("Doen wij ook, met een pratende stok!", "Goede tip, die ga ik proberen."),
        ),
        Note(
            "Wie heeft er een goede observatielijst voor de overgang naar groep 3? Ik deel "
            "die van ons: we kijken naar taakgerichtheid, fijne motoriek en klankbewustzijn. "
            "#overgang",
            replies=("Deze is heel compleet, dank je! Mogen wij hem gebruiken?",),
        ),
        Note(
            "Vandaag een les met de Bee-Bot: de kinderen moesten de robot naar het huisje van "
            "de drie biggetjes programmeren. Zo leuk om te zien hoe ze samen puzzelen.",
            replies=("Waar hebben jullie die Bee-Bots vandaan? Kunnen we ze lenen?",),
        ),
        Note(
            "Het prentenboek van deze maand: 'Kikker is kikker' van Max Velthuijs. In de "
            "bestanden staan de vragen die ik erbij gebruik in de kring. #prentenboek",
        ),
        Note(
            "Thema lente: we hebben kikkervisjes in de klas! Elke dag kijken hoe ze "
            "veranderen. De kinderen houden een logboek bij met tekeningen.",
            replies=(
                "Wat leuk, hoe kom je aan de kikkervisjes?",
                "Doen wij ook elk jaar, de kinderen vinden het prachtig.",
            ),
        ),
        Note(
            "Ik heb een set rijmkaarten gemaakt voor de kring. Ze staan in de bestanden van "
            "deze groep; print ze gerust. #geletterdheid",
            replies=("Super, dank je wel!", "Wat een werk, echt fijn dat je ze deelt."),
        ),
        Note(
            "Onze kleuters vierden het lentefeest met een paaseierenzoektocht in de "
            "speelzaal. Elk ei had een letter, en samen vormden ze hun naam.",
        ),
        Note(
            "Kleuterdans voor de Koningsspelen: wij oefenen het Koningslied met gebaren. Wie "
            "heeft de filmpjes van de gebaren nog?",
            replies=("Op de site van de Koningsspelen staat een instructiefilmpje.",),
        ),
        Note(
            "Na de zomer starten we met de methode 'Kleuterplein'. Wie werkt er al mee en wil "
            "zijn ervaringen delen? #methode",
            replies=("Wij werken er twee jaar mee, vooral de thema's zijn sterk.",),
        ),
        Note(
            "Einde schooljaar: mijn oudste kleuters gaan naar groep 3. We hebben een "
            "afscheidsboekje gemaakt met hun mooiste tekeningen. Wat doen jullie?",
            replies=(
                "Wij doen een afscheidsfeestje met de ouders.",
                "Een dansje op het plein, met alle ouders erbij.",
            ),
        ),
    ),
    "helpdesk": (
        Note(
            "Tip: zet Kring op het beginscherm van je telefoon. Open Kring in de browser en "
            "kies 'Zet op beginscherm'. Dan werkt het als een app. #kring",
            replies=("Gelukt, handig!", "Bij mij stond het onder het deel-icoontje."),
        ),
        Note(
            "Te veel meldingen? Je kunt per ruimte kiezen wat je krijgt: alles, alleen "
            "vermeldingen of een dagelijks overzicht. Je vindt het onder 'Meldingen' bij de "
            "ruimte.",
            replies=("Wat fijn, ik werd gek van alle meldingen van de personeelsvereniging.",),
        ),
        Note(
            "Nieuw: je kunt nu iemand noemen in een bericht met @ en dan de naam. Die "
            "collega krijgt een melding. Handig als je een vraag voor iemand in het "
            "bijzonder hebt.",
        ),
        Note(
            "Zoek je iemand die ergens verstand van heeft? Zoek in het smoelenboek op "
            "expertise, bijvoorbeeld 'rekenen' of 'hoogbegaafdheid'. Vul je eigen expertise "
            "ook in, dan vinden collega's jou.",
            replies=("Ik heb 'Kanjertraining' toegevoegd, benieuwd wie me gaat vinden!",),
        ),
        Note(
            "Volgende week ben ik op De Meander en Het Kompas voor een knoppentraining in de "
            "teamkamer. Neem je telefoon mee!",
        ),
    ),
    "ambassadors": (
        Note(
            "Welkom, ambassadeurs! Hier delen we wat werkt en wat niet. Mijn eerste vraag aan "
            "jullie: wat horen jullie in de teamkamer over Kring? Ook de kritische geluiden "
            "graag. #ambassadeurs",
            replies=(
                "Bij ons vooral: 'weer iets nieuws'. Maar de app vinden ze handig.",
                "Ze willen vooral weten waar het rooster staat.",
            ),
        ),
        Note(
            "Wat je aandacht geeft, groeit. Ik zette het mooie bericht van groep 4 over hun "
            "moestuin in het zonnetje in onze teamvergadering. Sindsdien delen meer collega's "
            "foto's.",
            replies=(
                "Goede tip, ga ik ook doen.",
                "Dat merk ik ook, een compliment werkt beter dan een herinnering.",
            ),
        ),
        Note(
            "Knoppentraining in de teamkamer gedaan: twintig minuten, iedereen met de "
            "telefoon erbij. Vijf collega's hebben meteen hun eerste bericht geplaatst!",
            replies=("Wat goed! Mag ik je opzet gebruiken?",),
        ),
        Note(
            "Verslag van het ambassadeursoverleg: we gaan per school kijken welke mails "
            "'aan iedereen' nog rondgaan en die vervangen door een bericht in de ruimte van de "
            "school. Less is more.",
        ),
        Note(
            "Op onze school zijn de onderwijsassistenten nog niet actief. Ik ga ze persoonlijk "
            "uitnodigen voor een kopje koffie en de app installeren. Iemand ervaring mee?",
            replies=(
                "Bij ons hielp het om het werkrooster alleen nog in Kring te zetten.",
                "Persoonlijk werkt het best, denk ik.",
            ),
        ),
        Note(
            "Ik merk dat de maandag echt de drukste dag is. Dan plaatst onze directeur zijn "
            "weekbericht, en iedereen leest het voor de teamvergadering.",
        ),
        Note(
            "Een collega zei vandaag: 'Als je niet regelmatig kijkt, zit je in het "
            "teamoverleg met je mond vol tanden.' Het begint te werken!",
            replies=("Haha, herkenbaar!", "Dat is het mooiste compliment dat Kring kan krijgen."),
        ),
    ),
    "works_council": (
        Note(
            "De stukken voor de GMR-vergadering van volgende week staan in de bestanden. "
            "Graag vóór maandag je vragen hieronder, dan bundel ik ze. #gmr",
            replies=("Ik heb een vraag over de begroting, hoofdstuk 3. Zet ik hieronder.",),
        ),
        Note(
            "Verslag GMR-vergadering: we hebben ingestemd met het vakantierooster en advies "
            "gegeven over het bestuursformatieplan. Het concept-verslag staat in de bestanden.",
        ),
        Note(
            "Achterban raadplegen: wat vinden de collega's op jouw school van de inzet van de "
            "werkdrukmiddelen? Vraag het in je team en deel het hier.",
            replies=(
                "Bij ons willen ze vooral een extra onderwijsassistent.",
                "Bij ons is iedereen tevreden met de vakleerkracht gym.",
            ),
        ),
        Note(
            "Scholing voor GMR-leden: op 14 april een avond over de nieuwe WMS. Wie gaat er mee?",
            replies=("Ik ga mee.", "Ik ook, dank voor het regelen."),
        ),
        Note(
            "De GMR-verkiezingen: wie wil er op de kieslijst? Praat erover in je school, we "
            "hebben kandidaten nodig uit de onderbouw.",
        ),
        Note(
            "Conceptagenda voor de vergadering met het College van Bestuur: begroting, "
            "koersplan, het hitteprotocol en de vervangerspool. Aanvullingen?",
            replies=("Graag ook de evaluatie van Kring op de agenda.",),
        ),
    ),
    "directors": (
        Note(
            "Agenda directieoverleg donderdag: formatie, vervangerspool, de uitkomsten van "
            "de inspectie en de stand van Kring per school.",
        ),
        Note(
            "Ik deel onze aanpak voor het weekbericht: elke maandag een blog in de ruimte van "
            "de school. De vragen komen nu in de reacties, en collega's beantwoorden ze "
            "elkaar. Scheelt mij veel mail.",
            replies=(
                "Mooi voorbeeld, dat ga ik ook proberen.",
                "Hoe lang ben je ermee bezig per week?",
            ),
        ),
        Note(
            "Vervanging bij ziekte blijft lastig. Zullen we een gezamenlijke lijst van "
            "invallers bijhouden tot de vervangerspool er is?",
            replies=("Graag, ik heb er drie die ook bij andere scholen willen werken.",),
        ),
        Note(
            "De formatie: ik heb volgend jaar een groep 6 te veel en een groep 4 te weinig. "
            "Heeft iemand een leerkracht die wil overstappen? Interne mobiliteit!",
        ),
    ),
    "parents": (
        Note(
            "Welkom in de groep van de ouderraad! Hier overleggen we over de feesten en de "
            "ouderbijdrage.",
            replies=("Fijn, dat scheelt veel appjes.",),
        ),
        Note(
            "De planning voor de Koningsspelen: de ouderraad regelt het ontbijt, de school de "
            "spelletjes. Wie helpt bij het smeren van de broodjes?",
        ),
        Note(
            "De ouderbijdrage voor volgend jaar blijft gelijk. We hebben het overschot van "
            "dit jaar besteed aan nieuwe buitenspeelmaterialen.",
        ),
    ),
    "ict": (
        Note(
            "Tip: met sneltoets Windows + Shift + S maak je een schermknipsel voor op het "
            "digibord. #ict",
            replies=("Wat handig, wist ik niet!",),
        ),
        Note(
            "Vanaf deze week kun je Chromebooks reserveren via de agenda van je school. "
            "Graag na gebruik aan de lader!",
        ),
        Note(
            "Wat vinden jullie van de nieuwe oefensoftware voor rekenen? Wij zien dat de "
            "kinderen sneller werken, maar minder nadenken.",
            replies=(
                "Herkenbaar. Wij laten ze eerst op papier werken.",
                "Bij ons werkt het goed voor de automatisering.",
            ),
        ),
        Note(
            "Digitale geletterdheid in groep 7: we maakten een nepnieuwsbericht en lieten de "
            "andere groep raden wat er niet klopte. Aanrader! #digitalegeletterdheid",
            replies=("Leuk idee, mag ik de opdracht?",),
        ),
        Note(
            "Let op: er gaat een phishingmail rond die lijkt op een bericht van het "
            "bestuursbureau. Klik niet op de link en meld het bij ICT.",
            replies=("Dank voor de waarschuwing, ik had hem ook gekregen.",),
        ),
    ),
    "gifted": (
        Note(
            "Onze plusklas werkt deze periode aan een eigen uitvinding. Het mooiste idee tot "
            "nu toe: een lunchtrommel die waarschuwt als je je fruit vergeet.",
            replies=("Geniaal!",),
        ),
        Note(
            "Leestip: 'Slimme kinderen' geeft een goed overzicht van wat een begaafde "
            "leerling nodig heeft in de gewone klas. #hoogbegaafdheid",
        ),
        Note(
            "We delen hier de materialen van de plusklas. Deze week: een logicapuzzel voor "
            "groep 5 tot en met 8.",
            replies=("Mijn groep 6 was er een hele middag zoet mee!",),
        ),
    ),
    "language": (
        Note(
            "De leesbevordering op onze school: elke ochtend een kwartier stillezen, ook de "
            "leerkracht. Het werkt! #lezen",
            replies=("Doen wij ook, de rust in de klas is heerlijk.",),
        ),
        Note(
            "Boekentip voor groep 7 en 8: 'Het raadsel van alles wat leeft' van Jan Paul "
            "Schutten. De kinderen in mijn groep vechten erom. #lezen",
        ),
        Note(
            "Begrijpend lezen: wij werken met nieuwsteksten van deze week in plaats van de "
            "methode. De betrokkenheid is veel groter.",
            replies=("Welke site gebruik je daarvoor?", "Goed idee, wij gaan het proberen."),
        ),
        Note(
            "De bibliotheek komt op school een leesconsulent inzetten. Wie heeft daar "
            "ervaring mee?",
        ),
    ),
    "maths": (
        Note(
            "Rekentip: gebruik een getallenlijn op de grond van de gang. Mijn groep 4 springt "
            "er elke ochtend de sommen op. #rekenen",
            replies=("Goede tip voor de beweegpauze!",),
        ),
        Note(
            "Wie werkt er met het handelingsmodel bij breuken? Ik zoek goede concrete "
            "materialen voor groep 6.",
            replies=("Pizzapuzzels werken bij ons goed.", "Wij gebruiken breukenstokken."),
        ),
        Note(
            "Onze school oefent de tafels met een tafeldiploma. Het diploma staat in de "
            "bestanden, gebruik het gerust.",
        ),
    ),
    "sustainability": (
        Note(
            "Afvalraapdag: de hele school heeft vanochtend de wijk opgeruimd. Zeven zakken "
            "afval en een fiets. #duurzaamheid",
            replies=("Wat goed! Wij doen volgende maand mee.",),
            photo=Photo(
                "Afvalraapdag",
                "Kinderen met hesjes en grijpers verzamelen afval in een park.",
                "#3f7d20",
            ),
        ),
        Note(
            "Tip: een moestuin hoeft niet groot te zijn. Wij begonnen met drie bakken en nu "
            "heeft elke groep een eigen bak.",
        ),
        Note(
            "Wij hebben de lampen in de gymzaal vervangen door led. De conciërge heeft het "
            "verbruik bijgehouden: veertig procent minder.",
            replies=("Indrukwekkend! Hoe duur was het?",),
        ),
    ),
    "sport": (
        Note(
            "Het spelletjescircuit voor de Koningsspelen staat in de bestanden: tien "
            "onderdelen die je op elk plein kunt neerzetten. #koningsspelen",
            replies=("Top, dit scheelt ons veel voorbereiding!",),
        ),
        Note(
            "Schoolvoetbaltoernooi: onze meiden van groep 7 hebben gewonnen! De finale was "
            "spannend tot de laatste minuut.",
            replies=("Gefeliciteerd!", "Wat een prestatie!"),
            photo=Photo(
                "Schoolvoetbal",
                "Een voetbalveld met een team in rode shirts dat juicht "
                "bij het doel; de gezichten zijn niet herkenbaar.",
                "#b3261e",
            ),
        ),
        Note(
            "Beweegtip voor de klas: 'Tik het getal'. Noem een som, de kinderen tikken het "
            "antwoord aan op de muur. Bewegen en rekenen tegelijk.",
        ),
        Note(
            "Wie loopt er mee met de avondvierdaagse? Wij lopen met vijftig kinderen de vijf "
            "kilometer.",
            replies=("Wij ook! Misschien kunnen we samen lopen?",),
        ),
    ),
    "care": (
        Note(
            "Onze collega van groep 3 is vader geworden van een zoon! Moeder en kind maken "
            "het goed. Felicitaties hieronder.",
            replies=(
                "Van harte gefeliciteerd!",
                "Wat mooi, geniet ervan!",
                "Gefeliciteerd! Wat is zijn naam?",
                "Van harte, geniet van deze bijzondere tijd.",
            ),
        ),
        Note(
            "Een collega is geopereerd en moet een paar weken thuis herstellen. Een kaartje "
            "doet haar goed; het adres kun je bij de directeur vragen.",
            replies=(
                "Beterschap!",
                "Heel veel beterschap, rustig aan doen!",
                "Sterkte met het herstel.",
            ),
        ),
        Note(
            "Helaas moeten we laten weten dat de vader van een collega is overleden. Er ligt "
            "een condoleanceregister bij de administratie van de school.",
            replies=(
                "Veel sterkte gewenst.",
                "Heel veel sterkte voor haar en haar familie.",
                "Wat verdrietig. Veel sterkte.",
            ),
        ),
        Note(
            "Onze conciërge is 25 jaar in dienst! Vrijdag is er koffie met taart in de aula.",
            replies=(
                "Gefeliciteerd! Wat een mijlpaal.",
                "Van harte gefeliciteerd!",
                "25 jaar, wat een prestatie. Gefeliciteerd!",
            ),
        ),
    ),
    "safety": (
        Note(
            "Herhaling BHV: de data voor de herhalingscursus staan in de bestanden. Schrijf "
            "je in vóór 1 mei. #bhv",
        ),
        Note(
            "Ontruimingsoefening gedaan: in vier minuten stond iedereen op de verzamelplaats. "
            "Verbeterpunt: de deur van de gymzaal bleef open staan.",
            replies=("Goed gedaan! Bij ons duurde het zes minuten.",),
        ),
        Note(
            "Controleer je EHBO-doos: pleisters en koelkompressen zijn vaak op na de "
            "Koningsspelen.",
        ),
    ),
    "care_coordinators": (
        Note(
            "Het nieuwe format voor de analyse van de middentoetsen staat in de bestanden. "
            "Het is korter en kijkt meer naar de groep als geheel. #toetsen",
            replies=("Veel overzichtelijker, dank je!",),
        ),
        Note(
            "Intervisie volgende week: casus over een leerling met faalangst. Neem je eigen "
            "ervaringen mee.",
        ),
        Note(
            "Het samenwerkingsverband heeft een nieuwe route voor arrangementen. Ik heb de "
            "belangrijkste veranderingen op een rij gezet.",
            replies=("Fijn dat je dit uitzoekt, scheelt ons veel tijd.",),
        ),
    ),
    "lower_school": (
        Note(
            "Leesbevordering in groep 3: we lezen elke dag samen een prentenboek, ook nu ze "
            "zelf kunnen lezen. #lezen",
        ),
        Note(
            "Tip voor de overgang van groep 2 naar 3: laat de kleuters in juni een ochtend "
            "meedraaien in groep 3.",
            replies=("Doen wij ook, de kinderen vinden het spannend en leuk.",),
        ),
        Note(
            "Wie werkt er met een hoekenwerk in groep 3? Ik zoek ideeën voor de rekenhoek.",
            replies=("Wij hebben een winkeltje met echt geld, werkt goed!",),
        ),
    ),
    "upper_school": (
        Note(
            "De musical van groep 8: wij spelen dit jaar 'Op hoop van zegen', in een eigen "
            "versie. Wie heeft er nog decorstukken?",
            replies=("Wij hebben een boot van karton, kom maar halen!",),
        ),
        Note(
            "Het schooladvies: hoe gaan jullie om met ouders die het niet eens zijn met het "
            "advies? #schooladvies",
            replies=("Wij plannen altijd een tweede gesprek met de intern begeleider erbij.",),
        ),
        Note(
            "Mijn groep 7 heeft een podcast gemaakt over de geschiedenis van de wijk. Echt "
            "de moeite waard om te luisteren!",
        ),
        Note(
            "Tip: laat groep 8 in mei een sollicitatiebrief schrijven voor een rol in de "
            "musical. Werkt goed voor de motivatie én voor taal.",
            replies=("Wat een leuk idee!",),
        ),
    ),
    "culture": (
        Note(
            "Onze school heeft een tentoonstelling gemaakt in de bibliotheek: kunst van alle "
            "groepen, rond het thema 'water'.",
            photo=Photo(
                "Tentoonstelling 'Water'",
                "Kindertekeningen van golven en vissen aan een wand in de bibliotheek.",
                "#1a5f7a",
            ),
        ),
        Note(
            "Het aanbod van het cultuurmenu voor volgend jaar is binnen. Kies vóór 1 juni de "
            "voorstellingen voor je groep. #cultuur",
        ),
        Note(
            "Wie heeft ervaring met een kunstenaar in de klas? Wij willen een keramist uitnodigen.",
            replies=("Wij hadden vorig jaar een beeldhouwer, geweldig!",),
        ),
    ),
    "assistants": (
        Note(
            "Fijn dat we nu een eigen groep hebben! Wat doen jullie het meest: werken met "
            "groepjes buiten de klas of in de klas?",
            replies=("Bij mij vooral buiten de klas, met de leesgroepjes.",),
        ),
        Note(
            "Tip: een timer op tafel helpt de kinderen in mijn rekengroepje om bij de les te "
            "blijven.",
        ),
    ),
    "caretakers": (
        Note(
            "De strooizout-levering komt volgende week. Wie nog een zak nodig heeft, laat het "
            "me weten.",
            replies=("Wij hebben er twee nodig, dank je!",),
        ),
        Note(
            "Tip: met een beetje azijn krijg je de kalk van de kranen in de kleutertoiletten. "
            "Scheelt een hoop schoonmaakmiddel.",
        ),
        Note(
            "Wie heeft er een goede firma voor het onderhoud van de speeltoestellen?",
            replies=("Wij werken al jaren met een bedrijf uit Heiloo, heel tevreden.",),
        ),
    ),
    "administration": (
        Note(
            "Herinnering: de leerlingtelling van 1 februari moet vóór 15 februari in het systeem.",
        ),
        Note(
            "Het nieuwe inschrijfformulier voor nieuwe leerlingen staat in de bestanden. Het "
            "oude graag niet meer gebruiken.",
            replies=("Dank je, ik vervang het meteen.",),
        ),
    ),
    "newcomers": (
        Note(
            "Welkom, nieuwe collega's! Hier vind je antwoord op de eerste vragen: waar je je "
            "rooster vindt, hoe je ziekmeldt en wie je buddy is.",
            replies=("Dank je wel, fijn om zo welkom geheten te worden!",),
        ),
        Note(
            "Tip voor je eerste weken: zoek de ambassadeur van je school op. Die helpt je met "
            "Kring en kent de weg op school.",
        ),
    ),
    "wellbeing": (
        Note(
            "Onze school doet mee met 'Fit op het werk': elke woensdag na school een half uur "
            "wandelen. Wie doet mee? #vitaliteit",
            replies=("Goed idee, ik wandel mee!",),
        ),
        Note(
            "Tip tegen werkdruk: wij hebben op vrijdag een 'mailvrije middag'. Alles wat niet "
            "dringend is, wacht tot maandag.",
            replies=("Die ga ik voorstellen in ons team.", "Werkt bij ons ook goed."),
        ),
        Note(
            "Een workshop over stemgebruik op 12 mei. Voor iedereen die aan het eind van de "
            "dag schor is.",
        ),
    ),
    "school_plan": (
        Note(
            "De vier thema's van het koersplan staan vast. Nu per thema de ambities. Ik deel "
            "een eerste opzet in de bestanden. #koersplan",
            replies=("Mooi! Bij werkgeverschap mis ik nog de startende leerkrachten.",),
        ),
        Note(
            "Verslag van de gesprekken in de teams: de meeste collega's noemen goed onderwijs "
            "voor elk kind en minder werkdruk als belangrijkste.",
        ),
    ),
    "recipes": (
        Note(
            "Traktatietip: fruitspiesjes met een marshmallow bovenop. Gezond en toch feestelijk. "
            "#traktatie",
            replies=("Die gaan er bij ons altijd in!",),
            photo=Photo(
                "Fruitspiesjes",
                "Een schaal met spiesjes van druiven, aardbeien en meloen, "
                "met een marshmallow bovenop.",
                "#c0392b",
            ),
        ),
        Note(
            "Recept voor de teamlunch: een grote pan pompoensoep. Voor twintig collega's "
            "heb je twee pompoenen nodig.",
            replies=("Lekker! Mag ik het recept?",),
        ),
        Note(
            "Onze conciërge bakt elke vrijdag een cake voor de teamkamer. Deze week: "
            "citroencake. Recept hieronder!",
            replies=("Die van vorige week was ook heerlijk.",),
        ),
        Note(
            "Wat trakteren jullie als er een kind jarig is dat allergisch is voor noten? Ik "
            "zoek ideeën.",
            replies=(
                "Popcorn in een zakje met een sticker!",
                "Wij geven een potlood met een gum, altijd goed.",
            ),
        ),
    ),
}

COMMUNITY_QUESTIONS: Final[dict[str, tuple[Question, ...]]] = {
    "group_2": (
        Question(
            "Wie heeft ideeën voor het thema 'de bakker'?",
            "Na de vakantie beginnen wij met het thema 'de bakker'. Wie heeft leuke "
            "activiteiten of een goed prentenboek?",
            (
                "Wij maakten een bakkerij in de huishoek, met deeg van zout en bloem. Prentenboek: "
                "'De bakker' van Sylvia van Ommen.",
                "Ga een keer langs bij een echte bakker "
                "in de buurt, de kinderen vergeten het nooit.",
            ),
            "Dank jullie wel, ik ga meteen bellen met de bakker om de hoek!",
        ),
        Question(
            "Hoe observeren jullie de kleuters voor het leerlingvolgsysteem?",
            "Ik vind het lastig om alle kleuters goed te observeren. Hoe plannen jullie dat?",
            (
                "Ik kies elke week vijf kinderen die ik extra goed bekijk. Zo heb ik iedereen in "
                "een maand gezien.",
                "Met een klembord in de hoek, en korte notities per dag.",
            ),
            "Dat vijf-per-week ga ik proberen.",
        ),
        Question(
            "Hoe gaan jullie om met een kleuter die niet wil opruimen?",
            "Eén kleuter weigert steeds op te ruimen. Tips?",
            (
                "Wij gebruiken een opruimlied en een zandloper. Bij ons helpt het om hem een taak "
                "te geven: hij is de 'opruimbaas'.",
                "Complimenteer de kinderen die wel opruimen, dat werkt aanstekelijk.",
            ),
            "De opruimbaas! Die ga ik morgen proberen.",
        ),
        Question(
            "Welke methode gebruiken jullie voor geletterdheid?",
            "We willen een nieuwe methode voor beginnende geletterdheid. Wat gebruiken jullie?",
            (
                "Wij werken met 'Schatkist' en zijn tevreden, vooral over de letterkast.",
                "Wij werken zonder methode, met thema's en prentenboeken. Dat geeft veel vrijheid.",
            ),
        ),
        Question(
            "Hoe vullen jullie de eerste schooldag van een nieuwe kleuter in?",
            "Volgende week komt er een nieuwe kleuter. Hoe maken jullie de eerste dag fijn?",
            (
                "Laat het kind een maatje kiezen uit de groep. En een foto van de eerste dag "
                "voor de ouders doet wonderen.",
            ),
            "Mooi idee met het maatje.",
        ),
        Question(
            "Wie heeft er ervaring met groep 1-2 met 30 kinderen?",
            "Mijn groep groeit naar 30 kleuters. Hoe houden jullie het overzicht?",
            (
                "Met een onderwijsassistent op de drukste ochtenden. En veel werken in hoeken, "
                "met een planbord.",
                "Vraag de directeur om een extra paar handen, dit is echt te veel.",
            ),
        ),
        Question(
            "Hoe bereiden jullie de kleuters voor op groep 3?",
            "Welke activiteiten doen jullie in de laatste maanden van groep 2?",
            (
                "Wij laten ze een ochtend meedraaien in groep 3, en we oefenen met zitten aan "
                "een tafeltje.",
                "En we lezen veel voor uit boeken van groep 3.",
            ),
        ),
        Question(
            "Welk thema na de meivakantie?",
            "Ik twijfel tussen 'op reis' en 'kriebelbeestjes'. Wat hebben jullie gedaan?",
            ("Kriebelbeestjes! Met een loep naar buiten, de kinderen vinden het geweldig.",),
            "Kriebelbeestjes wordt het!",
        ),
        Question(
            "Hoe betrekken jullie ouders bij het thema?",
            "Ik wil de ouders meer betrekken bij wat we doen in de klas. Tips?",
            (
                "Wij sturen elke week een foto en een vraag voor thuis: 'Vraag je kind eens "
                "naar...'",
                "Een thema-afsluiting met ouders in de klas werkt goed.",
            ),
        ),
        Question(
            "Wat doen jullie met de gymles als de speelzaal bezet is?",
            "Onze speelzaal is twee weken dicht. Waar gymmen jullie dan?",
            ("Buiten, met een parcours op het plein. Of in de gang met een dansles.",),
        ),
    ),
    "helpdesk": (
        Question(
            "Hoe zet ik Kring op mijn telefoon?",
            "Ik heb een Android-telefoon. Is er een app?",
            (
                "Open Kring in Chrome, tik op de drie puntjes en kies 'Toevoegen aan "
                "startscherm'. Dan heb je een app-icoon.",
            ),
            "Gelukt, dank je!",
        ),
        Question(
            "Ik krijg geen meldingen op mijn telefoon",
            "Ik heb de app, maar ik krijg geen meldingen als iemand reageert.",
            (
                "Kijk bij je profiel onder 'Meldingen' of pushmeldingen aan staan. Je telefoon "
                "vraagt dan om toestemming.",
                "Bij mij moest ik het ook in de instellingen van de telefoon zelf aanzetten.",
            ),
            "Het werkt nu, dank jullie!",
        ),
        Question(
            "Hoe verander ik mijn profielfoto?",
            "Ik wil een andere foto. Waar kan dat?",
            (
                "Klik op je naam rechtsboven, dan 'Profiel bewerken'. Daar kun je een foto "
                "uploaden.",
            ),
        ),
        Question(
            "Kan ik een bericht plaatsen voor maar een paar collega's?",
            "Ik wil iets delen met alleen de collega's van de bovenbouw.",
            (
                "Maak een groep 'Bovenbouw' op je school, of gebruik de bestaande groep "
                "'Bovenbouw' voor alle scholen.",
                "Op onze school hebben we een besloten groep voor de bouw, werkt prima.",
            ),
        ),
        Question(
            "Mijn wachtwoord werkt niet meer",
            "Ik kan niet meer inloggen. Wat nu?",
            (
                "Kies 'Wachtwoord vergeten' op de inlogpagina, dan krijg je een mail met een link.",
                "Lukt dat niet, dan kan de beheerder je helpen.",
            ),
            "Het is gelukt!",
        ),
        Question(
            "Hoe vind ik een collega van een andere school?",
            "Ik zoek de intern begeleider van De Meander, maar ik weet haar naam niet.",
            ("Zoek in het smoelenboek op 'intern begeleider' en filter op De Meander.",),
            "Gevonden, dank je!",
        ),
        Question(
            "Waar staan de personele regelingen?",
            "Ik zoek de regeling over buitengewoon verlof.",
            ("Bij 'Weten en regelen', onder Personeel. Of zoek op 'verlof' in de zoekbalk.",),
        ),
        Question(
            "Kan ik een bericht later laten verschijnen?",
            "Ik wil een bericht schrijven dat maandagochtend verschijnt.",
            (
                "Dat kan alleen bij nieuwsberichten van de redactie. In je schoolruimte plaats je "
                "het gewoon maandagochtend.",
            ),
        ),
        Question(
            "Kan ik de meldingen van één groep uitzetten?",
            "Ik krijg veel meldingen van een groep waar ik alleen af en toe in kijk.",
            (
                "Ja, ga naar de groep en kies bij 'Meldingen' voor 'Niets' of 'Dagelijks "
                "overzicht'.",
            ),
            "Fijn, veel rustiger zo.",
        ),
        Question(
            "Zien ouders wat ik in de ruimte van mijn school zet?",
            "Een collega zei dat ouders mee kunnen lezen. Klopt dat?",
            (
                "Nee, de ruimte van je school is alleen voor collega's. Alleen in de groep van de "
                "ouderraad zitten ouders als gast, en die zien niets anders.",
            ),
            "Gelukkig, dank je voor de uitleg.",
        ),
        Question(
            "Hoe voeg ik een foto toe aan een bericht?",
            "Ik wil foto's van de Koningsspelen delen.",
            (
                "Klik op het fotootje onder het tekstvak. Vergeet niet een korte beschrijving toe "
                "te voegen voor collega's die slecht zien.",
                "En let op de toestemming van ouders voor foto's van leerlingen.",
            ),
        ),
        Question(
            "Waarom zie ik de groep van de directeuren niet?",
            "Een collega noemde het directieoverleg, maar ik kan het niet vinden.",
            (
                "Dat is een besloten groep, alleen voor de directeuren en het bestuur. Die zie je "
                "niet in de lijst.",
            ),
        ),
    ),
    "ambassadors": (
        Question(
            "Hoe krijgen jullie de collega's van de overblijf erbij?",
            "De overblijfkrachten op onze school hebben nog niet ingelogd. Ideeën?",
            (
                "Wij hebben het overblijfrooster alleen nog in Kring gezet, en ze persoonlijk "
                "geholpen met de app.",
                "Een kopje koffie en tien minuten samen op de telefoon "
                "werkt beter dan elke handleiding.",
            ),
        ),
        Question(
            "Hoe reageer je op 'ik heb hier geen tijd voor'?",
            "Een collega zegt steeds dat Kring extra werk is. Hoe gaan jullie daarmee om?",
            (
                "Laat zien wat het scheelt: geen mails 'aan iedereen' meer, en het rooster op één "
                "plek.",
                "Luister vooral. Vaak gaat het over iets anders, zoals de werkdruk in het "
                "algemeen.",
            ),
        ),
        Question(
            "Wat zetten jullie in de ruimte van de school?",
            "Ik wil collega's laten zien wat je er allemaal mee kunt. Wat werkt bij jullie?",
            (
                "Het weekbericht van de directeur, het rooster, foto's van activiteiten.",
                "Bij ons vooral de vraag-en-antwoordjes tussen collega's.",
            ),
        ),
    ),
    "works_council": (
        Question(
            "Moeten we instemmen met het hitteprotocol?",
            "Is het hitteprotocol een instemmingsplichtig besluit?",
            (
                "Ja, het gaat over de arbeidsomstandigheden, dus de personeelsgeleding moet "
                "instemmen.",
            ),
        ),
        Question(
            "Wanneer krijgen we de begroting?",
            "Ik wil de begroting op tijd met mijn achterban bespreken.",
            ("Het bestuur stuurt hem uiterlijk 1 november, zes weken voor de vergadering.",),
        ),
        Question(
            "Hoe raadplegen jullie de achterban?",
            "Ik vind het lastig om te weten wat de collega's op mijn school vinden.",
            (
                "Ik stel een vraag in de ruimte van de school, met een peiling. Daar reageren "
                "veel meer collega's op dan op een mail.",
                "En ik schuif af en toe aan bij de koffie op woensdag.",
            ),
        ),
    ),
    "directors": (
        Question(
            "Wie heeft een invaller voor groep 5, volgende week?",
            "Een leerkracht valt uit met een hernia.",
            (
                "Ik heb een invaller die op maandag en dinsdag nog ruimte heeft. Ik stuur je haar "
                "gegevens.",
            ),
            "Top, dank je wel!",
        ),
        Question(
            "Hoe pakken jullie de groepsbezoeken aan?",
            "Ik wil dit jaar alle groepen bezoeken, maar het lukt me nooit.",
            ("Plan ze in het begin van het jaar allemaal in, en vertel het team wanneer je komt.",),
        ),
    ),
    "parents": (
        Question(
            "Wie regelt de sinterklaascadeautjes voor volgend jaar?",
            "We willen op tijd beginnen met bestellen.",
            ("Ik doe het graag weer, samen met de juf van groep 4.",),
        ),
    ),
    "ict": (
        Question(
            "Welke oefensoftware gebruiken jullie voor spelling?",
            "Wij zoeken iets naast de methode.",
            (
                "Wij gebruiken de software van de methode, met de adaptieve oefeningen.",
                "Wij werken met Squla voor de extra oefening thuis.",
            ),
        ),
        Question(
            "Het digibord laat geen geluid horen",
            "Beeld doet het, maar geen geluid. Iemand een idee?",
            (
                "Kijk of je laptop het geluid naar HDMI stuurt, rechtsonder bij het "
                "luidsprekertje.",
                "Bij ons stond de versterker zelf op mute.",
            ),
            "Het was de versterker. Dank je!",
        ),
        Question(
            "Mogen leerlingen met hun eigen account op de Chromebook?",
            "Ik wil de kinderen laten werken in hun eigen omgeving.",
            (
                "Ja, elke leerling heeft een schoolaccount. De inloggegevens heeft de "
                "ICT-coördinator van je school.",
            ),
        ),
        Question(
            "Hoe maak ik een QR-code voor een opdracht?",
            "Ik wil de kinderen met een QR-code naar een filmpje sturen.",
            ("Met een gratis QR-generator online. Plak de link erin en print de code.",),
            "Wat simpel, dank je!",
        ),
    ),
    "gifted": (
        Question(
            "Hoe signaleren jullie hoogbegaafdheid bij kleuters?",
            "Ik heb een kleuter die al leest. Hoe ga ik verder?",
            (
                "Gebruik een signaleringslijst, zoals die van het SLO, en praat met de ouders.",
                "Bespreek het met de intern begeleider; misschien past de plusklas al.",
            ),
        ),
        Question(
            "Wat doen jullie met compacten?",
            "Hoeveel lesstof laten jullie weg voor de snelle leerlingen?",
            ("Bij ons de helft van de herhalingsstof, zodat ze tijd hebben voor verrijking.",),
        ),
    ),
    "language": (
        Question(
            "Welke methode gebruiken jullie voor begrijpend lezen?",
            "Onze methode is verouderd. Wat werkt bij jullie?",
            (
                "Wij werken met actuele teksten en een vaste strategie. Heel tevreden.",
                "Wij gebruiken de methode van de leesmethode zelf, maar vullen hem aan met "
                "nieuwsteksten.",
            ),
        ),
        Question(
            "Hoe motiveren jullie kinderen die niet graag lezen?",
            "Een paar jongens in mijn groep 6 lezen niet graag.",
            ("Strips en informatieve boeken over voetbal of dinosaurussen doen wonderen.",),
            "Ik ga naar de bibliotheek voor voetbalboeken!",
        ),
    ),
    "maths": (
        Question(
            "Hoe oefenen jullie de tafels?",
            "Mijn groep 4 vindt de tafels lastig.",
            (
                "Elke dag vijf minuten, met een spel. Tafelbingo werkt goed.",
                "Bij ons hangt een tafelmuur in de gang, de kinderen zijn er trots op.",
            ),
        ),
        Question(
            "Wie heeft ervaring met rekenen op de computer in groep 3?",
            "Is het verstandig om in groep 3 al digitaal te oefenen?",
            ("Beperkt, tien minuten per dag. Eerst concreet, dan op papier, dan pas digitaal.",),
        ),
    ),
    "sport": (
        Question(
            "Wie heeft er een goed schema voor de beweegpauze?",
            "Ik wil elke dag een beweegpauze doen, maar ik raak door mijn ideeën heen.",
            (
                "Ik heb een kaartenbak met dertig oefeningen gemaakt. Ik zet de lijst in de "
                "bestanden.",
            ),
            "Dank je wel, echt handig!",
        ),
    ),
    "care": (
        Question(
            "Wat geven we bij een afscheid na veertig jaar?",
            "Onze collega gaat met pensioen na veertig jaar onderwijs.",
            (
                "Een boek met herinneringen van oud-leerlingen. Wij vroegen het via de "
                "nieuwsbrief, het werd prachtig.",
            ),
        ),
    ),
    "safety": (
        Question(
            "Moet de AED elk jaar gecontroleerd worden?",
            "Wie regelt de controle van de AED?",
            ("Ja, jaarlijks. De conciërge regelt het met de leverancier.",),
        ),
    ),
    "care_coordinators": (
        Question(
            "Hoe plannen jullie de groepsbesprekingen?",
            "Ik wil alle groepsbesprekingen in twee weken doen. Lukt dat?",
            (
                "Bij ons wel, met twee per dag na schooltijd. Vraag de directeur om ruimte in de "
                "jaartaak.",
                "Wij doen ze in de week na de toetsen, dan is alles nog vers.",
            ),
        ),
        Question(
            "Wie heeft ervaring met een observatie door de orthopedagoog?",
            "Ik wil voor een leerling een observatie aanvragen.",
            ("Via het samenwerkingsverband, de wachttijd is nu ongeveer vier weken.",),
        ),
    ),
    "lower_school": (
        Question(
            "Hoe lang laten jullie de kinderen in groep 3 stillezen?",
            "Ik begin met stillezen in groep 3. Hoe lang kan het?",
            ("Begin met vijf minuten en bouw op naar tien, met boekjes op hun niveau.",),
        ),
    ),
    "upper_school": (
        Question(
            "Hoe maken jullie de musical haalbaar naast de lessen?",
            "De musical kost zoveel tijd. Hoe plannen jullie het?",
            (
                "Wij oefenen de laatste vier weken elke middag, en de ochtenden zijn voor de "
                "lessen.",
                "Vraag ouders voor het decor en de kleding, dat scheelt veel.",
            ),
        ),
        Question(
            "Wie heeft een goed plan voor de brugklasvoorbereiding?",
            "Hoe bereiden jullie groep 8 voor op de middelbare school?",
            ("Wij werken de laatste maanden met een agenda en huiswerk, net als in de brugklas.",),
        ),
    ),
    "culture": (
        Question(
            "Welke voorstelling raden jullie aan voor groep 5?",
            "Ik moet kiezen uit het cultuurmenu.",
            ("De muziekvoorstelling over de vier jaargetijden was bij ons een succes.",),
        ),
    ),
    "assistants": (
        Question(
            "Hoe plannen jullie je tijd over meerdere groepen?",
            "Ik werk in drie groepen en raak het overzicht soms kwijt.",
            (
                "Ik heb een vast weekrooster met de leerkrachten afgesproken, en één keer per week "
                "een kort overleg.",
            ),
        ),
    ),
    "caretakers": (
        Question(
            "Wie heeft er een goede leverancier voor schoonmaakmiddelen?",
            "Onze leverancier stopt.",
            (
                "Wij bestellen via het inkoopcontract van de stichting, vraag het bij het "
                "bestuursbureau.",
            ),
        ),
        Question(
            "Hoe laat gaat de verwarming aan in de winter?",
            "Het is 's ochtends koud in de lokalen.",
            ("Bij ons om 5.30 uur. Laat het instellen via de installateur.",),
        ),
    ),
    "administration": (
        Question(
            "Hoe verwerken jullie een verhuizing van een leerling naar een andere school?",
            "Welk formulier moet ik gebruiken?",
            (
                "Het uitschrijfformulier, en het onderwijskundig rapport gaat via OSO naar de "
                "nieuwe school.",
            ),
        ),
    ),
    "newcomers": (
        Question(
            "Waar vind ik mijn rooster?",
            "Ik ben net begonnen en weet niet waar ik mijn rooster kan vinden.",
            (
                "In de ruimte van je school, vastgezet bovenaan. Anders even vragen bij de "
                "administratie.",
            ),
            "Gevonden, dank je!",
        ),
        Question(
            "Hoe meld ik me ziek?",
            "Wat moet ik doen als ik ziek ben?",
            ("Bel vóór 7.30 uur je directeur. Die zet het in het verzuimportaal.",),
        ),
    ),
    "wellbeing": (
        Question(
            "Wat doen jullie om na school los te laten?",
            "Ik neem mijn werk steeds mee naar huis, in mijn hoofd.",
            (
                "Ik fiets naar huis via de lange weg. Die twintig minuten zijn mijn overgang.",
                "Een vast moment waarop ik mijn laptop dichtklap, en dan echt klaar.",
            ),
        ),
    ),
    "school_plan": (
        Question(
            "Hoe betrekken we leerlingen bij het koersplan?",
            "Het zou mooi zijn als de leerlingenraad ook meedenkt.",
            ("Goed idee! Ik vraag de leerlingenraden van drie scholen om een middag.",),
        ),
    ),
    "recipes": (
        Question(
            "Wie heeft een recept voor glutenvrije traktaties?",
            "Een leerling in mijn groep mag geen gluten.",
            ("Rijstwafels met een laagje chocola en spikkels. Altijd succes.",),
            "Die ga ik maken!",
        ),
    ),
}


# -- what people say under things ---------------------------------------------------------------

# Comments under posts, by the post's mood.
REPLIES: Final[dict[str, tuple[str, ...]]] = {
    "neutral": (
        "Dank je wel voor het delen.",
        "Goed om te weten, dank je!",
        "Fijn, dank je!",
        "Helder, dank je.",
        "Dank voor de info!",
        "Handig, dank je!",
        "Goed geregeld!",
        "Top, dank je wel!",
        "Dank voor de herinnering!",
        "Dank je, ik geef het door in mijn team.",
    ),
    "tip": (
        "Goed idee, dit neem ik mee naar ons team.",
        "Dit ga ik ook proberen.",
        "Mag ik dit gebruiken in mijn groep?",
        "Wat een goede tip.",
        "Herkenbaar! Bij ons precies hetzelfde.",
        "Super, dit scheelt mij een hoop zoekwerk.",
        "Dat zou bij ons ook kunnen werken.",
        "Wij doen het net iets anders, maar dit is mooi.",
        "Top! Laat je weten hoe het ging?",
        "Dit had ik eerder moeten weten!",
        "Dank je wel voor het delen.",
    ),
    "cheer": (
        "Mooi gedaan!",
        "Wat leuk om te zien!",
        "Wat een energie, geweldig.",
        "Prachtig!",
        "Zo leuk voor de kinderen.",
        "Wat een mooi resultaat.",
        "Fijn dat het gelukt is!",
        "Wat fijn om te lezen.",
    ),
    "poll": (
        "Gestemd!",
        "Lastige keuze!",
        "Ik ben benieuwd naar de uitslag.",
        "Goed idee om het zo te vragen.",
    ),
    "own": (),
}
# Where a note without a mood of its own gets its comments from.
SPACE_MOODS: Final[dict[str, str]] = {
    "group_2": "tip", "ict": "tip", "gifted": "tip", "language": "tip", "maths": "tip",
    "lower_school": "tip", "upper_school": "tip", "sport": "tip", "sustainability": "tip",
    "culture": "tip", "assistants": "tip", "caretakers": "tip", "wellbeing": "tip",
    "recipes": "tip", "care": "own",
}  # fmt: skip

# Under the board's news.
NEWS_REPLIES: Final[tuple[str, ...]] = (
    "Dank voor de duidelijke uitleg.",
    "Goed nieuws!",
    "Fijn dat dit op één plek staat.",
    "Duidelijk, dank jullie wel.",
    "Mooi initiatief.",
    "Gelezen en doorgegeven aan mijn team.",
    "Goed om te weten.",
    "Dank je, ik had het gemist in de mail.",
    "Wat fijn dat jullie dit zo goed regelen.",
    "Helder, dank je!",
)

# A reply under a comment (one level deep).
FOLLOW_UPS: Final[tuple[str, ...]] = (
    "Eens!",
    "Goed punt.",
    "Dat vind ik ook.",
    "Ja, bij ons ook zo.",
    "Dank je voor de aanvulling.",
    "Goede vraag, ben ook benieuwd.",
    "Haha, herkenbaar!",
    "Precies wat ik bedoel.",
    "Ik stuur je een berichtje.",
    "Helemaal mee eens.",
)

# The author answers the first comment under their post.
AUTHOR_REPLIES: Final[tuple[str, ...]] = (
    "Dank je wel!",
    "Dank je, fijn om te horen!",
    "Leuk dat je reageert!",
    "Dank jullie!",
    "Graag gedaan!",
)

# More answers to a question, when its own have run out.
MORE_ANSWERS: Final[tuple[str, ...]] = (
    "Bij ons op school doen we het net zo.",
    "Ik sluit me aan bij het antwoord hierboven.",
    "Goede vraag, dit vroeg ik me ook af.",
    "Wij hebben hier goede ervaringen mee, vraag gerust door.",
    "Ik weet het niet zeker, maar ik denk dat de administratie het weet.",
    "Bij ons werkt het zo, maar vraag het even na bij je directeur.",
    "Ik heb er een handig overzicht van, ik stuur het je.",
)

# The asker thanks, when the question has no thanks of its own.
THANKS: Final[tuple[str, ...]] = (
    "Dank je wel, hier kan ik mee verder!",
    "Top, dank jullie!",
    "Dat is precies wat ik zocht.",
    "Fijn, dank je voor het snelle antwoord!",
    "Geregeld, dank je!",
)

# Under the weekly blog, from colleagues who just read it.
BLOG_REPLIES: Final[tuple[str, ...]] = (
    "Dank je, Marieke, fijn zo'n overzicht op maandag.",
    "Handig om alles op één plek te hebben.",
    "Dank voor de update!",
    "Fijne week allemaal!",
    "Duidelijk, dank je wel.",
)

# The news's author (or the chair of the board) answers a question under the news.
NEWS_ANSWERS: Final[tuple[str, ...]] = (
    "Goede vraag! Het staat in de regeling bij 'Weten en regelen'. Kom je er niet uit, stuur "
    "ons dan een bericht.",
    "Dank voor je vraag. Ja, dat geldt ook daarvoor; HR kan het je precies vertellen.",
    "Dat zoeken we voor je uit. We zetten het antwoord hier, dan weet iedereen het.",
    "Je directeur heeft de details gekregen en kan je verder helpen.",
)

# A mention of a colleague who knows; {mention} is "@[Naam](person:ID)".
MENTION_ANSWERS: Final[tuple[str, ...]] = (
    "Misschien weet {mention} dit? Die heeft dat vorig jaar geregeld.",
    "Vraag het eens aan {mention}, die weet hier alles van.",
    "{mention} heeft hier laatst ook iets over gedeeld.",
)


# Days off on a Monday (tweede paasdag, tweede pinksterdag): the weekly blog comes on Tuesday.
MONDAYS_OFF: Final = frozenset({17, 24})


# -- polls --------------------------------------------------------------------------------------

POLLS: Final[tuple[PollText, ...]] = (
    PollText(
        "helpdesk",
        15,
        "Hoe open jij Kring het vaakst?",
        "We zijn benieuwd hoe jullie Kring gebruiken, zodat we de tips daarop kunnen afstemmen.",
        ("De app op mijn telefoon", "De browser op mijn laptop", "Via de link in een e-mail"),
    ),
    PollText(
        "group_2",
        16,
        "Welk thema na de meivakantie?",
        "Zullen we allemaal hetzelfde thema kiezen en samen materiaal maken?",
        ("De boerderij", "Op reis", "Kriebelbeestjes", "Water"),
    ),
    PollText(
        "staff_association",
        19,
        "Sportdag en barbecue: welke vrijdag?",
        "Kies de datum die jou het beste uitkomt. De peiling sluit over twee weken.",
        ("Vrijdag 12 juni", "Vrijdag 19 juni", "Vrijdag 26 juni"),
    ),
    PollText(
        "wellbeing",
        22,
        "Wat helpt jou het meest tegen werkdruk?",
        "We verzamelen ideeën voor de teams. Je mag meer dan één antwoord kiezen.",
        (
            "Minder mail",
            "Een vaste mailvrije middag",
            "Meer handen in de klas",
            "Minder vergaderen",
            "Samen bewegen",
        ),
        multiple=True,
    ),
    PollText(
        "ict",
        24,
        "Welk apparaat gebruik je het meest in de klas?",
        "Helpt ons bij de planning van de vervanging volgend jaar.",
        ("Digibord", "Chromebooks", "Tablets", "Laptop van de leerkracht"),
    ),
    PollText(
        "school",
        26,
        "Teamuitje aan het eind van het jaar: wat kiezen we?",
        "Stem vóór vrijdag, dan kan de werkgroep het regelen.",
        ("Sloepvaren", "Samen koken", "Een escaperoom", "Borrel op het strand"),
    ),
)
