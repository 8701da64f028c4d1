"""The demo's communities in words: names, descriptions, guidelines, tags and icons.

Dutch, as a Dutch school board writes them (the sources: "een groep voor alle leerkrachten van
groep 2", the personeelsvereniging, the ambassadeurs, the GMR as the beachhead). Who is in them,
and since when, is decided by kring.demo.builders.spaces.
"""

from dataclasses import dataclass
from typing import Final

from kring.spaces.models import Space

OPEN: Final = Space.Access.OPEN.value
REQUEST: Final = Space.Access.REQUEST.value
SECRET: Final = Space.Access.SECRET.value
Icon = Space.Icon


@dataclass(frozen=True)
class Community:
    key: str
    name: str
    access: str
    icon: str
    tags: tuple[str, ...]
    description: str
    guidelines: str = ""


NEWS_DESCRIPTION: Final = (
    "Het nieuws van Stichting Kring Onderwijs voor alle medewerkers van het bestuursbureau en de "
    "14 scholen: besluiten van het bestuur, personele regelingen, de jaarplanning en verhalen uit "
    "de scholen. Iedereen kan reageren; de redactie van Communicatie plaatst de berichten."
)

SCHOOL_DESCRIPTION: Final = (
    "De ruimte van het team van {name} in {town}. Iedereen die op {name} werkt, zit hier "
    "automatisch in: voor teamnieuws, roosters, afspraken en de agenda van de school."
)
OFFICE_DESCRIPTION: Final = (
    "De ruimte van het bestuursbureau in Alkmaar: HR, Financiën, ICT, Communicatie en Onderwijs "
    "en Kwaliteit. Wie op het bestuursbureau werkt, zit hier automatisch in."
)

_RESPECT: Final = (
    "Spreek elkaar aan zoals je dat in de teamkamer ook zou doen. Deel geen namen of gegevens "
    "van leerlingen of ouders. Een vraag stellen is altijd goed: er bestaan geen domme vragen."
)

GROUP_2: Final = Community(
    key="group_2",
    name="Leerkrachten groep 2",
    access=OPEN,
    icon=Icon.BOOK,
    tags=("groep 2", "kleuters", "onderbouw"),
    description=(
        "Voor iedereen die lesgeeft aan groep 1-2 op een van onze 14 scholen. Deel je thema's, "
        "kringactiviteiten, observatielijsten en de overgang naar groep 3. Het begon met een "
        "vraag over het thema 'herfst'; nu wisselen we elke week ideeën uit."
    ),
    guidelines=_RESPECT + " Materiaal dat je deelt, mag iedereen hier gebruiken.",
)

STAFF_ASSOCIATION: Final = Community(
    key="staff_association",
    name="Personeelsvereniging",
    access=OPEN,
    icon=Icon.SPARKLES,
    tags=("personeelsvereniging", "uitjes", "gezelligheid"),
    description=(
        "De personeelsvereniging van Stichting Kring Onderwijs organiseert de uitjes, het "
        "kerstfeest en de sportdag voor alle collega's. Iedere medewerker kan lid worden. Een "
        "vraag over een uitje? Stel hem hier; iemand van het bestuur antwoordt binnen twee dagen."
    ),
    guidelines=(
        "Aanmelden voor een uitje doe je bij het bericht van dat uitje. Foto's van uitjes delen "
        "mag, maar vraag eerst of collega's herkenbaar in beeld willen."
    ),
)

AMBASSADORS: Final = Community(
    key="ambassadors",
    name="Ambassadeurs",
    access=REQUEST,
    icon=Icon.STAR,
    tags=("kring", "ambassadeurs", "intranet"),
    description=(
        "De ambassadeurs van Kring: op elke school iemand die collega's op weg helpt, luistert "
        "naar wat er speelt en goede voorbeelden deelt. We komen elk kwartaal bij elkaar en "
        "bespreken hier tussendoor wat werkt en wat beter kan."
    ),
    guidelines=(
        "Wat je aandacht geeft, groeit: deel vooral de goede voorbeelden van je school. Wil je "
        "ook ambassadeur worden? Vraag het lidmaatschap aan en vertel in je bericht op welke "
        "school je werkt."
    ),
)

WORKS_COUNCIL: Final = Community(
    key="works_council",
    name="GMR",
    access=REQUEST,
    icon=Icon.SCALE,
    tags=("medezeggenschap", "GMR"),
    description=(
        "De gemeenschappelijke medezeggenschapsraad (GMR) van Stichting Kring Onderwijs: de "
        "gekozen vertegenwoordigers van de 14 scholen. Hier bereiden we de vergaderingen voor, "
        "delen we de stukken en halen we de mening van onze achterban op."
    ),
    guidelines=(
        "Stukken van het bestuur zijn vertrouwelijk tot de vergadering, tenzij anders vermeld. "
        "Leden zijn de gekozen GMR-leden; collega's volgen de GMR via de nieuwsberichten en "
        "kunnen hun vragen stellen aan de GMR-leden van hun school."
    ),
)

DIRECTORS: Final = Community(
    key="directors",
    name="Directieoverleg",
    access=SECRET,
    icon=Icon.LOCK,
    tags=("directie", "bestuur"),
    description=(
        "Het overleg van de directeuren van de 14 scholen met het College van Bestuur: "
        "agenda's, verslagen, formatie en personele zaken. Alleen op uitnodiging."
    ),
    guidelines=(
        "Wat hier besproken wordt, blijft binnen het directieoverleg tot er een besluit is. "
        "Personele zaken bespreken we zonder namen."
    ),
)

PARENTS: Final = Community(
    key="parents",
    name="Ouderraad De Regenboog",
    access=REQUEST,
    icon=Icon.HEART,
    tags=("ouders", "De Regenboog"),
    description=(
        "De ouderraad van De Regenboog en het team werken hier samen aan de feesten, de "
        "schoolreis en de ouderbijdrage. De ouders in deze groep zijn gasten: zij zien alleen "
        "deze ruimte en haar leden."
    ),
    guidelines=(
        "Deel geen namen of foto's van leerlingen. Vragen over één kind bespreek je met de "
        "leerkracht, niet in de groep."
    ),
)

# The other communities, by subject, job or interest.
HELPDESK: Final = Community(
    key="helpdesk",
    name="Vragen over Kring",
    access=OPEN,
    icon=Icon.CHAT,
    tags=("kring", "intranet", "hulp"),
    description=(
        "Hoe plaats je een bericht, hoe zet je Kring op je telefoon, waar vind je de personele "
        "regelingen? Stel je vraag hier; de communitymanager, de ambassadeurs en collega's "
        "helpen je verder."
    ),
    guidelines="Zoek eerst even of je vraag al gesteld is. " + _RESPECT,
)

ICT: Final = Community(
    key="ict",
    name="ICT in de klas",
    access=OPEN,
    icon=Icon.LIGHT,
    tags=("ICT", "digitale geletterdheid", "onderwijs"),
    description=(
        "Digibord, Chromebooks, programmeren met de bovenbouw en mediawijsheid: tips, apps en "
        "lesideeën van collega's. ICT van het bestuursbureau leest mee."
    ),
)

GIFTED: Final = Community(
    key="gifted",
    name="Hoogbegaafdheid en plusklas",
    access=OPEN,
    icon=Icon.STAR,
    tags=("hoogbegaafdheid", "plusklas", "passend onderwijs"),
    description=(
        "Voor leerkrachten en intern begeleiders die werken met (hoog)begaafde leerlingen: "
        "verrijkingsmateriaal, de plusklassen op onze scholen en signaleren in groep 1-2."
    ),
)

LANGUAGE: Final = Community(
    key="language",
    name="Taal en lezen",
    access=OPEN,
    icon=Icon.BOOK,
    tags=("taal", "lezen", "leesbevordering"),
    description=(
        "Begrijpend lezen, leesmotivatie, de Kinderboekenweek en de schoolbibliotheek: wat werkt "
        "er op jouw school? Deel boekentips en lesideeën."
    ),
)

MATHS: Final = Community(
    key="maths",
    name="Rekenen",
    access=OPEN,
    icon=Icon.BOOK,
    tags=("rekenen", "onderwijs"),
    description=(
        "Rekenonderwijs op onze scholen: methodes, automatiseren, rekenproblemen en dyscalculie, "
        "en de overgang naar het voortgezet onderwijs."
    ),
)

SUSTAINABILITY: Final = Community(
    key="sustainability",
    name="Duurzame school",
    access=OPEN,
    icon=Icon.LIGHT,
    tags=("duurzaamheid", "groen schoolplein"),
    description=(
        "Groene schoolpleinen, afval scheiden in de klas, minder printen en de energierekening "
        "van onze gebouwen. Voor iedereen die zijn school een beetje duurzamer wil maken."
    ),
)

SPORT: Final = Community(
    key="sport",
    name="Sport en bewegen",
    access=OPEN,
    icon=Icon.GROUP,
    tags=("sport", "bewegen", "vitaliteit"),
    description=(
        "De vakleerkrachten bewegingsonderwijs en iedereen die van bewegen houdt: de "
        "schoolsportdag, het schoolvoetbaltoernooi en onze hardloopgroep voor de Egmond "
        "Halve Marathon."
    ),
)

CARE: Final = Community(
    key="care",
    name="Lief en leed",
    access=OPEN,
    icon=Icon.HEART,
    tags=("lief en leed", "collega's"),
    description=(
        "Een geboorte, een huwelijk, een jubileum of juist ziekte en verdriet: hier laten we "
        "collega's van alle scholen weten dat we aan ze denken."
    ),
    guidelines=(
        "Deel alleen nieuws dat de collega zelf gedeeld wil hebben. Een kaartje sturen? Het "
        "adres vraag je bij de administratie van de school."
    ),
)

SAFETY: Final = Community(
    key="safety",
    name="BHV-team",
    access=REQUEST,
    icon=Icon.BRIEFCASE,
    tags=("BHV", "veiligheid", "ontruiming"),
    description=(
        "De bedrijfshulpverleners van alle scholen: herhalingscursussen, ontruimingsoefeningen, "
        "de AED-kasten en de EHBO-trommels. Voor gecertificeerde BHV'ers."
    ),
)

CARE_COORDINATORS: Final = Community(
    key="care_coordinators",
    name="IB-netwerk",
    access=REQUEST,
    icon=Icon.CHAT,
    tags=("intern begeleiders", "passend onderwijs", "zorg"),
    description=(
        "Het netwerk van de intern begeleiders van onze scholen en de stafmedewerker passend "
        "onderwijs: intervisie, het samenwerkingsverband, groeidocumenten en "
        "arrangementen."
    ),
    guidelines=(
        "Bespreek leerlingen alleen zonder naam of herleidbare gegevens. Casussen met namen "
        "horen in het dossier, niet hier."
    ),
)

LOWER_SCHOOL: Final = Community(
    key="lower_school",
    name="Onderbouw",
    access=OPEN,
    icon=Icon.BOOK,
    tags=("onderbouw", "groep 1-2", "groep 3", "groep 4"),
    description=(
        "Voor de leerkrachten van groep 1 tot en met 4: leren lezen, spelend leren, "
        "ouderavonden en de doorgaande lijn van kleuters naar groep 3."
    ),
)

UPPER_SCHOOL: Final = Community(
    key="upper_school",
    name="Bovenbouw",
    access=OPEN,
    icon=Icon.BOOK,
    tags=("bovenbouw", "groep 8", "voortgezet onderwijs"),
    description=(
        "Voor de leerkrachten van groep 5 tot en met 8: de doorstroomtoets, het "
        "schooladvies, kamp, de musical en de overstap naar het voortgezet onderwijs."
    ),
)

CULTURE: Final = Community(
    key="culture",
    name="Kunst en cultuur",
    access=OPEN,
    icon=Icon.SPARKLES,
    tags=("cultuureducatie", "muziek", "erfgoed"),
    description=(
        "Cultuurcoördinatoren en liefhebbers: muziekles, museumbezoek, erfgoed uit de regio en "
        "de subsidies voor cultuureducatie."
    ),
)

ASSISTANTS: Final = Community(
    key="assistants",
    name="Onderwijsassistenten",
    access=OPEN,
    icon=Icon.GROUP,
    tags=("onderwijsassistenten", "ondersteuning"),
    description=(
        "Voor de onderwijsassistenten van alle scholen: werken met kleine groepjes, "
        "scholing en ervaringen uitwisselen met collega's die hetzelfde werk doen."
    ),
)

CARETAKERS: Final = Community(
    key="caretakers",
    name="Conciërges",
    access=OPEN,
    icon=Icon.BUILDING,
    tags=("conciërges", "gebouwen", "onderhoud"),
    description=(
        "De conciërges van de 14 scholen: onderhoud, leveranciers, sleutels en alarmen, en "
        "elkaar helpen als er op de ene school iets te leen is wat de andere nodig heeft."
    ),
)

ADMINISTRATION: Final = Community(
    key="administration",
    name="Schooladministratie",
    access=OPEN,
    icon=Icon.BRIEFCASE,
    tags=("administratie", "leerlingadministratie", "financiën"),
    description=(
        "Voor de administratief medewerkers van de scholen en Financiën: in- en uitschrijvingen, "
        "de ouderbijdrage, bestellingen en de jaarafsluiting."
    ),
)

NEWCOMERS: Final = Community(
    key="newcomers",
    name="Nieuwe collega's",
    access=OPEN,
    icon=Icon.GROUP,
    tags=("nieuw", "inwerken", "HR"),
    description=(
        "Net begonnen bij Stichting Kring Onderwijs? Welkom! Hier vind je het inwerkprogramma, "
        "de startersbijeenkomsten en collega's die ook net begonnen zijn. HR beantwoordt je "
        "vragen."
    ),
)

WELLBEING: Final = Community(
    key="wellbeing",
    name="Werkdruk en vitaliteit",
    access=OPEN,
    icon=Icon.HEART,
    tags=("vitaliteit", "werkdruk", "HR"),
    description=(
        "Wat helpt jou tegen werkdruk? De werkdrukmiddelen, het vitaliteitsprogramma en tips "
        "van collega's om gezond en met plezier te blijven werken."
    ),
)

SCHOOL_PLAN: Final = Community(
    key="school_plan",
    name="Projectgroep Koersplan 2026-2030",
    access=REQUEST,
    icon=Icon.BRIEFCASE,
    tags=("koersplan", "beleid", "kwaliteit"),
    description=(
        "De projectgroep die met Onderwijs en Kwaliteit het nieuwe koersplan van de stichting "
        "schrijft. Conceptteksten, planning en de uitkomsten van de teamsessies."
    ),
)

RECIPES: Final = Community(
    key="recipes",
    name="Recepten en traktaties",
    access=OPEN,
    icon=Icon.SPARKLES,
    tags=("recepten", "gezelligheid"),
    description=(
        "Gezonde traktaties, de lekkerste taart voor de teamvergadering en recepten uit alle "
        "windstreken. Een community of interest, gewoon omdat het leuk is."
    ),
)

CHRISTMAS: Final = Community(
    key="christmas",
    name="Kerstviering 2025",
    access=OPEN,
    icon=Icon.SPARKLES,
    tags=("personeelsvereniging", "kerst"),
    description=(
        "De voorbereiding van de kerstviering voor alle medewerkers op 18 december 2025. Na het "
        "feest gearchiveerd: de foto's en het draaiboek blijven hier te lezen."
    ),
)
