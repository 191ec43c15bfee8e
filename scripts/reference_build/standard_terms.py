"""The SS 854000 concepts as data: slug, Swedish and English labels and definitions.

The texts are the ssgraph project's own short descriptions of the concepts used by the
guideline standard SS 854000:2021 (SIS) and in Swedish municipal steering practice; they do
not reproduce the standard's text. Licence CC BY 4.0.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    slug: str
    sv: str
    en: str
    definition_sv: str
    definition_en: str
    notation: str | None = None
    colour: str | None = None


@dataclass(frozen=True)
class TermGroup:
    cls: str  # local name in the ssg: ontology
    title_sv: str
    title_en: str
    terms: tuple[Term, ...]


PROCESS_STEPS = TermGroup("ProcessStep", "Processteg", "Process steps", (
    Term("organisational-prerequisites", "Organisatoriska förutsättningar",
         "Organisational prerequisites",
         "Det som organisationen behöver på plats för att styra mot hållbar utveckling: "
         "ledningens åtagande, roller och ansvar, resurser, kompetens och en förståelse av "
         "organisationens sammanhang och intressenter.",
         "What the organisation needs in place to steer towards sustainable development: the "
         "leadership's commitment, roles and responsibilities, resources, competence, and an "
         "understanding of the organisation's context and stakeholders."),
    Term("plan", "Planera", "Plan",
         "Analysera nuläget, föra dialog med intressenter och besluta om vision, mål, "
         "indikatorer och styrdokument för hållbar utveckling.",
         "Analyse the current state, consult stakeholders and decide the vision, goals, "
         "indicators and steering documents for sustainable development."),
    Term("implement-and-apply", "Genomföra och tillämpa", "Implement and apply",
         "Omsätta mål och styrdokument i handlingsplaner, aktiviteter, budget och det "
         "dagliga arbetet i verksamheterna.",
         "Turn goals and steering documents into action plans, activities, budgets and the "
         "day-to-day work of the services."),
    Term("evaluate-and-report", "Utvärdera och rapportera", "Evaluate and report",
         "Följa upp indikatorer och aktiviteter, bedöma måluppfyllelse och redovisa "
         "resultatet för beslutsfattare och invånare.",
         "Follow up indicators and activities, assess goal fulfilment and report the results "
         "to decision-makers and residents."),
    Term("analyse-and-improve", "Analysera och förbättra", "Analyse and improve",
         "Analysera uppföljningens resultat och orsakerna bakom dem och besluta om "
         "förbättringar som leder in i nästa planering.",
         "Analyse the follow-up results and their causes and decide on improvements that "
         "feed into the next round of planning."),
))

# The order of the cycle; the last step leads back to planning (the prerequisites are the
# entry point and are revisited through "analyse and improve" when they need to change).
PROCESS_CYCLE = ("organisational-prerequisites", "plan", "implement-and-apply",
                 "evaluate-and-report", "analyse-and-improve", "plan")

PDCA_PHASES = TermGroup("PDCAPhase", "PDCA-faser", "PDCA phases", (
    Term("pdca-plan", "Planera (Plan)", "Plan",
         "Fasen i förbättringscykeln PDCA där mål och arbetssätt bestäms.",
         "The phase of the PDCA improvement cycle in which goals and ways of working are set.",
         notation="P"),
    Term("pdca-do", "Genomföra (Do)", "Do",
         "Fasen i PDCA där det planerade genomförs.",
         "The phase of the PDCA cycle in which what was planned is carried out.", notation="D"),
    Term("pdca-check", "Följa upp (Check)", "Check",
         "Fasen i PDCA där resultatet mäts och jämförs med målen.",
         "The phase of the PDCA cycle in which results are measured and compared with the goals.",
         notation="C"),
    Term("pdca-act", "Förbättra (Act)", "Act",
         "Fasen i PDCA där lärdomar leder till åtgärder och förbättringar.",
         "The phase of the PDCA cycle in which lessons learnt lead to corrective action and "
         "improvement.", notation="A"),
))

PROCESS_TO_PDCA = {
    "organisational-prerequisites": "pdca-plan",
    "plan": "pdca-plan",
    "implement-and-apply": "pdca-do",
    "evaluate-and-report": "pdca-check",
    "analyse-and-improve": "pdca-act",
}

DIMENSIONS = TermGroup("SustainabilityDimension", "Hållbarhetsdimensioner",
                       "Dimensions of sustainable development", (
    Term("economic", "Ekonomisk hållbarhet", "Economic sustainability",
         "Den ekonomiska dimensionen av hållbar utveckling: en ekonomi som tillgodoser behov "
         "utan att förbruka de sociala och ekologiska förutsättningarna.",
         "The economic dimension of sustainable development: an economy that meets needs "
         "without using up its social and ecological foundations."),
    Term("social", "Social hållbarhet", "Social sustainability",
         "Den sociala dimensionen av hållbar utveckling: goda och jämlika livsvillkor, "
         "mänskliga rättigheter, hälsa, trygghet och delaktighet.",
         "The social dimension of sustainable development: good and equitable living "
         "conditions, human rights, health, safety and participation."),
    Term("ecological", "Ekologisk hållbarhet", "Ecological sustainability",
         "Den ekologiska dimensionen av hållbar utveckling: att verksamheten ryms inom "
         "planetens gränser och bevarar klimat, ekosystem och biologisk mångfald.",
         "The ecological dimension of sustainable development: keeping activities within "
         "planetary boundaries and protecting the climate, ecosystems and biodiversity."),
))

ASPECTS = TermGroup("SustainabilityAspect", "Hållbarhetsaspekter", "Sustainability aspects", (
    Term("ethics", "Etik", "Ethics",
         "Etiska principer i styrning och verksamhet, såsom saklighet, opartiskhet och "
         "motverkande av korruption.",
         "Ethical principles in governance and operations, such as objectivity, impartiality "
         "and the prevention of corruption."),
    Term("human-rights", "Mänskliga rättigheter", "Human rights",
         "Att respektera, skydda och främja de mänskliga rättigheterna i verksamheten.",
         "Respecting, protecting and promoting human rights in the organisation's work."),
    Term("gender-equality", "Jämställdhet", "Gender equality",
         "Att kvinnor och män, flickor och pojkar har samma makt att forma samhället och sina "
         "egna liv.",
         "Women and men, girls and boys having the same power to shape society and their "
         "own lives."),
    Term("culture", "Kultur", "Culture",
         "Kulturens roll för livskvalitet, identitet och delaktighet i en hållbar utveckling.",
         "The role of culture for quality of life, identity and participation in sustainable "
         "development."),
    Term("public-health", "Folkhälsa", "Public health",
         "Befolkningens hälsa och dess fördelning, och de faktorer som påverkar den.",
         "The health of the population, its distribution and the factors that influence it."),
    Term("work-environment", "Arbetsmiljö", "Work environment",
         "Fysiska, organisatoriska och sociala förhållanden i arbetet som påverkar de "
         "anställdas hälsa och säkerhet.",
         "Physical, organisational and social working conditions that affect employees' health "
         "and safety."),
    Term("children-rights", "Barnets rättigheter", "Children's rights",
         "Barnets rättigheter enligt FN:s barnkonvention, som är svensk lag sedan 2020, och "
         "hänsyn till barnets bästa i beslut.",
         "The rights of the child under the UN Convention on the Rights of the Child, Swedish "
         "law since 2020, and regard for the best interests of the child in decisions."),
    Term("accessibility", "Tillgänglighet", "Accessibility",
         "Att lokaler, tjänster och information kan användas av alla, även personer med "
         "funktionsnedsättning.",
         "Premises, services and information being usable by everyone, including persons with "
         "disabilities."),
    Term("biodiversity", "Biologisk mångfald", "Biodiversity",
         "Variationen av arter, gener och ekosystem och åtgärder som bevarar den.",
         "The variety of species, genes and ecosystems, and the measures that conserve it."),
    Term("climate", "Klimat", "Climate",
         "Minskad klimatpåverkan och anpassning till ett förändrat klimat.",
         "Reducing climate impact and adapting to a changing climate."),
))

SUPPORTING_TOOLS = TermGroup("SupportingTool", "Stödjande verktyg", "Supporting tools", (
    Term("sustainable-procurement", "Hållbar upphandling", "Sustainable procurement",
         "Att ställa miljömässiga, sociala och ekonomiska krav i offentlig upphandling.",
         "Setting environmental, social and economic requirements in public procurement."),
    Term("environmental-diploma", "Miljödiplomering (Svensk Miljöbas)",
         "Environmental diploma (Svensk Miljöbas)",
         "Ett förenklat miljöledningssystem med diplomering enligt Svensk Miljöbas, vanligt i "
         "kommunala verksamheter och mindre företag.",
         "A simplified environmental management system certified by diploma under Svensk "
         "Miljöbas, common in municipal services and small businesses."),
    Term("iso-14001", "ISO 14001", "ISO 14001",
         "Den internationella standarden för miljöledningssystem.",
         "The international standard for environmental management systems."),
    Term("emas", "EMAS", "EMAS",
         "EU:s miljölednings- och miljörevisionsordning (Eco-Management and Audit Scheme).",
         "The EU Eco-Management and Audit Scheme."),
    Term("green-key-indicators", "Gröna nyckeltal", "Green key indicators",
         "Sveriges Ekokommuners gemensamma miljönyckeltal för kommuner (se begreppsschemat "
         "Gröna nyckeltal).",
         "Sveriges Ekokommuner's common environmental key indicators for municipalities (see "
         "the Green key indicators scheme)."),
    Term("healthy-cities", "Healthy Cities", "Healthy Cities",
         "WHO:s nätverksarbete Healthy Cities för hälsa och hållbar utveckling i kommuner, i "
         "Sverige genom nätverket Healthy Cities Sverige.",
         "The WHO Healthy Cities network approach to health and sustainable development in "
         "municipalities, in Sweden through the Healthy Cities Sverige network."),
))

GOAL_LEVELS = TermGroup("GoalLevel", "Målnivåer", "Goal levels", (
    Term("level-overarching", "Övergripande mål", "Overarching goal",
         "Långsiktigt mål för hela organisationen, ofta kallat inriktningsmål, beslutat av "
         "fullmäktige.",
         "A long-term goal for the whole organisation, often called a direction goal, decided "
         "by the council."),
    Term("level-committee", "Nämndmål", "Committee goal",
         "Mål för en nämnds eller styrelses ansvarsområde som bidrar till de övergripande "
         "målen.",
         "A goal for a committee's or board's area of responsibility that contributes to the "
         "overarching goals."),
    Term("level-operational", "Verksamhetsmål", "Operational goal",
         "Mål för en förvaltnings eller enhets verksamhet som bidrar till nämndmålen.",
         "A goal for an administration's or unit's operations that contributes to the "
         "committee goals."),
    Term("level-goal-area", "Målområde", "Goal area",
         "En namngiven rubrik som grupperar mål (målområde, fokusområde, strategiområde, "
         "hållbarhetsdimension) utan att själv vara formulerad som ett mål.",
         "A named heading that groups goals (målområde, fokusområde, strategiområde, "
         "sustainability dimension) without being worded as a goal itself."),
    Term("level-sub-goal", "Delmål", "Sub-goal",
         "Mål som preciserar ett mål ovanför, när dokumentet inte säger om det är ett nämndmål "
         "eller ett verksamhetsmål.",
         "A goal that refines a goal above it, where the document does not say whether it is "
         "a committee goal or an operational goal."),
))

DOCUMENT_KINDS = TermGroup("DocumentKind", "Slag av styrdokument", "Kinds of steering document", (
    Term("organising", "Organiserande", "Organising",
         "Styrdokument som anger hur organisationen är uppbyggd och fördelar ansvar, t.ex. "
         "reglementen, bolagsordningar och delegeringsordningar.",
         "Steering documents that set out how the organisation is built and responsibility "
         "assigned, e.g. committee regulations, articles of association and delegation rules."),
    Term("normative", "Normerande", "Normative",
         "Styrdokument som uttrycker förhållningssätt och värderingar, t.ex. policyer.",
         "Steering documents that express attitudes and values, e.g. policies."),
    Term("activating", "Aktiverande", "Activating",
         "Styrdokument som anger vad som ska uppnås och göras, t.ex. program, planer och "
         "strategier.",
         "Steering documents that set out what is to be achieved and done, e.g. programmes, "
         "plans and strategies."),
    Term("regulating", "Reglerande", "Regulating",
         "Styrdokument som anger hur något ska göras, t.ex. riktlinjer och regler.",
         "Steering documents that set out how something is to be done, e.g. guidelines and "
         "rules."),
))

DOCUMENT_STATUSES = TermGroup("DocumentStatus", "Status för styrdokument",
                              "Steering document statuses", (
    Term("in-force", "Gällande", "In force", "Beslutat och gällande styrdokument.",
         "A decided steering document that applies."),
    Term("draft", "Utkast", "Draft", "Styrdokument under framtagande, ännu inte beslutat.",
         "A steering document being drafted, not yet decided."),
    Term("repealed", "Upphävt", "Repealed",
         "Styrdokument som har upphävts utan att ersättas.",
         "A steering document that has been repealed without replacement."),
    Term("superseded", "Ersatt", "Superseded",
         "Styrdokument som har ersatts av ett nyare.",
         "A steering document that has been replaced by a newer one."),
))

ACTIVITY_STATUSES = TermGroup("ActivityStatus", "Status för aktiviteter", "Activity statuses", (
    Term("planned", "Planerad", "Planned", "Beslutad eller planerad men inte påbörjad.",
         "Decided or planned but not started."),
    Term("ongoing", "Pågående", "Ongoing", "Påbörjad och inte avslutad.",
         "Started and not finished."),
    Term("completed", "Genomförd", "Completed", "Genomförd och avslutad.",
         "Carried out and finished."),
    Term("cancelled", "Avbruten", "Cancelled", "Avbruten eller struken innan den genomförts.",
         "Stopped or dropped before it was carried out."),
))

FULFILMENT_STATUSES = TermGroup("FulfilmentStatus", "Måluppfyllelse", "Goal fulfilment", (
    Term("fulfilled", "Uppfyllt", "Fulfilled", "Målet är uppfyllt för perioden (grönt).",
         "The goal is fulfilled for the period (green).", notation="G", colour="#2E7D32"),
    Term("partly-fulfilled", "Delvis uppfyllt", "Partly fulfilled",
         "Målet är delvis uppfyllt eller på väg att uppfyllas (gult).",
         "The goal is partly fulfilled or on its way to being fulfilled (yellow).",
         notation="Y", colour="#F9A825"),
    Term("not-fulfilled", "Ej uppfyllt", "Not fulfilled",
         "Målet är inte uppfyllt för perioden (rött).",
         "The goal is not fulfilled for the period (red).", notation="R", colour="#C62828"),
    Term("not-assessed", "Ej bedömt", "Not assessed",
         "Måluppfyllelsen har inte bedömts, t.ex. för att underlag saknas (grått).",
         "Fulfilment has not been assessed, e.g. for lack of data (grey).",
         notation="NA", colour="#9E9E9E"),
))

DIRECTIONS = TermGroup("Direction", "Önskad riktning", "Desired direction", (
    Term("increase", "Öka", "Increase", "Ett högre värde är bättre.",
         "A higher value is better.",
         notation="+"),
    Term("decrease", "Minska", "Decrease", "Ett lägre värde är bättre.",
         "A lower value is better.",
         notation="-"),
    Term("maintain", "Bibehålla", "Maintain", "Värdet ska hållas på nuvarande nivå.",
         "The value is to be kept at its current level.", notation="="),
))

GENDERS = TermGroup("Gender", "Kön (indelning i statistik)", "Gender (breakdown in statistics)", (
    Term("gender-T", "Totalt", "Total", "Värde för alla oavsett kön (Kolada: T).",
         "Value for everyone regardless of gender (Kolada: T).", notation="T"),
    Term("gender-K", "Kvinnor", "Women", "Värde för kvinnor eller flickor (Kolada: K).",
         "Value for women or girls (Kolada: K).", notation="K"),
    Term("gender-M", "Män", "Men", "Värde för män eller pojkar (Kolada: M).",
         "Value for men or boys (Kolada: M).", notation="M"),
))

GROUPS = (PROCESS_STEPS, PDCA_PHASES, DIMENSIONS, ASPECTS, SUPPORTING_TOOLS, GOAL_LEVELS,
          DOCUMENT_KINDS, DOCUMENT_STATUSES, ACTIVITY_STATUSES, FULFILMENT_STATUSES,
          DIRECTIONS, GENDERS)
