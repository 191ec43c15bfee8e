"""The elements of each SS 854000 process step as data: what the step consists of, what in an
organisation's data shows it (evidence classes and properties of the ssg: ontology), and the
standard's recommendation for it.

The texts are the ssgraph project's own short paraphrases of what the guideline standard
SS 854000:2021 (SIS) recommends for each step, not the standard's text. Licence CC BY 4.0.
An element is shown by an organisation when its current goal structure holds at least
``minimum`` resources of an evidence class (or its subclasses) or using an evidence property;
resources of an evidence class that name the organisation with ssg:versionOf (the versions of
its goal structure in the catalogue) count too.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Element:
    slug: str
    step: str
    notation: str  # the order within the cycle, "2.3"
    sv: str
    en: str
    definition_sv: str
    definition_en: str
    recommendation_sv: str
    recommendation_en: str
    classes: tuple[str, ...] = ()  # ssg: local names
    properties: tuple[str, ...] = ()
    minimum: int = 1


ELEMENTS = (
    Element("political-mandate", "organisational-prerequisites", "1.1",
            "Politiskt mandat", "Political mandate",
            "Att vision, mål och styrdokument för hållbar utveckling är beslutade av fullmäktige eller annat "
            "politiskt organ.",
            "The vision, goals and steering documents for sustainable development being adopted by the council "
            "or another political body.",
            "Låt fullmäktige besluta om visionen, de övergripande målen och de styrdokument som hållbarhetsarbetet "
            "vilar på, så att arbetet har ett tydligt politiskt mandat och ledningens åtagande syns.",
            "Have the council adopt the vision, the overarching goals and the steering documents the sustainability "
            "work rests on, so that the work has a clear political mandate and the leadership's commitment shows.",
            properties=("decidedBy", "decisionDate")),
    Element("roles-and-responsibilities", "organisational-prerequisites", "1.2",
            "Roller och ansvar", "Roles and responsibilities",
            "Vilken nämnd, styrelse eller förvaltning som ansvarar för varje mål, styrdokument och aktivitet.",
            "Which committee, board or administration is responsible for each goal, steering document and "
            "activity.",
            "Ange en ansvarig nämnd eller förvaltning för varje mål och styrdokument, och fördela ansvaret för "
            "hållbarhetsarbetet i hela organisationen.",
            "Name a responsible committee or administration for each goal and steering document, and spread the "
            "responsibility for sustainability work across the whole organisation.",
            classes=("OrganisationalBody",), properties=("responsibleBody", "owner")),
    Element("value-base", "organisational-prerequisites", "1.3",
            "Värdegrund", "Value base",
            "De gemensamma värderingar som ska prägla organisationens arbete och beslut.",
            "The shared values that are to characterise the organisation's work and decisions.",
            "Formulera och besluta en värdegrund som gör hållbar utveckling till en del av hur organisationen "
            "arbetar och fattar beslut.",
            "Formulate and adopt a value base that makes sustainable development part of how the organisation "
            "works and decides.",
            classes=("ValueBase",), properties=("hasValueBase",)),
    Element("resources", "organisational-prerequisites", "1.4",
            "Resurser och budget", "Resources and budget",
            "Budget och andra resurser som avsatts för att nå målen.",
            "The budget and other resources set aside to reach the goals.",
            "Knyt resurser till målen i budgeten, så att det som beslutas också kan genomföras.",
            "Tie resources to the goals in the budget, so that what is decided can also be carried out.",
            classes=("BudgetAllocation", "Budget"), properties=("hasBudgetAllocation", "budget")),
    Element("current-state-analysis", "plan", "2.1",
            "Nulägesanalys", "Current-state analysis",
            "En analys av hållbarhetsläget, påverkan och förutsättningar i organisationen och dess geografiska "
            "område.",
            "An analysis of the sustainability situation, impacts and preconditions of the organisation and its "
            "area.",
            "Börja med en nulägesanalys i alla tre dimensionerna (ekonomisk, social och ekologisk) och låt den "
            "ligga till grund för vilka mål som sätts.",
            "Start with a current-state analysis across all three dimensions (economic, social and ecological) "
            "and let it be the basis for the goals that are set.",
            classes=("CurrentStateAnalysis",)),
    Element("stakeholder-dialogue", "plan", "2.2",
            "Intressenter och dialog", "Stakeholders and dialogue",
            "Identifierade intressenter och dialoger med dem, till exempel medborgardialoger.",
            "Identified stakeholders and dialogues with them, such as citizen dialogues.",
            "Identifiera intressenterna (invånare, näringsliv, civilsamhälle, andra myndigheter) och för dialog "
            "med dem när mål sätts och följs upp.",
            "Identify the stakeholders (residents, businesses, civil society, other authorities) and hold "
            "dialogues with them when goals are set and followed up.",
            classes=("Stakeholder", "Dialogue"), properties=("hasStakeholder",)),
    Element("vision", "plan", "2.3",
            "Vision", "Vision",
            "Organisationens långsiktiga, beslutade framtidsbild.",
            "The organisation's long-term, adopted picture of the future.",
            "Besluta en långsiktig vision för hållbar utveckling som målen leder upp till.",
            "Adopt a long-term vision for sustainable development that the goals lead up to.",
            classes=("Vision",), properties=("hasVision",)),
    Element("goals", "plan", "2.4",
            "Mål", "Goals",
            "En målhierarki från övergripande mål till nämnd- och verksamhetsmål.",
            "A goal hierarchy from overarching goals down to committee and operational goals.",
            "Bryt ned visionen i ett begränsat antal övergripande mål och vidare i nämnd- och verksamhetsmål, "
            "i alla tre hållbarhetsdimensionerna.",
            "Break the vision down into a limited number of overarching goals and further into committee and "
            "operational goals, across the three dimensions of sustainability.",
            classes=("Goal",)),
    Element("indicators", "plan", "2.5",
            "Indikatorer till målen", "Indicators for the goals",
            "Indikatorer som mäter målen, med målvärden och önskad riktning.",
            "Indicators that measure the goals, with target values and a desired direction.",
            "Ge varje mål minst en indikator med målvärde och önskad riktning, gärna jämförbara nyckeltal "
            "(Kolada), så att måluppfyllelsen kan följas upp.",
            "Give each goal at least one indicator with a target value and a desired direction, preferably "
            "comparable key figures (Kolada), so that goal fulfilment can be followed up.",
            properties=("measures",)),
    Element("steering-documents", "plan", "2.6",
            "Styrdokument", "Steering documents",
            "Program, planer, strategier och policyer som anger mål och inriktning.",
            "Programmes, plans, strategies and policies that set goals and direction.",
            "Samla målen i få, beslutade styrdokument med giltighetstid och revideringsdatum, så att "
            "dokumentdjungeln inte växer.",
            "Gather the goals in few, adopted steering documents with a period of validity and a revision date, "
            "so that the document jungle does not grow.",
            classes=("SteeringDocument",)),
    Element("global-and-national-goals", "plan", "2.7",
            "Koppling till Agenda 2030 och nationella mål", "Links to Agenda 2030 and national goals",
            "Målens koppling till de globala målen, miljömålen och folkhälsopolitikens målområden.",
            "The goals' links to the SDGs, the environmental quality objectives and the public-health target "
            "areas.",
            "Visa hur de egna målen bidrar till Agenda 2030, de nationella miljömålen och folkhälsomålen.",
            "Show how the organisation's own goals contribute to Agenda 2030, the national environmental "
            "objectives and the public-health goals.",
            properties=("addressesSDG", "addressesEnvironmentalObjective", "addressesPublicHealthArea")),
    Element("action-plans", "implement-and-apply", "3.1",
            "Handlingsplaner", "Action plans",
            "Planer som anger hur målen ska nås: vad som ska göras, av vem och när.",
            "Plans that say how the goals are to be reached: what is to be done, by whom and when.",
            "Omsätt målen i handlingsplaner med ansvar, tidplan och resurser.",
            "Turn the goals into action plans with responsibilities, timetables and resources.",
            classes=("ActionPlan",)),
    Element("activities", "implement-and-apply", "3.2",
            "Aktiviteter", "Activities",
            "Aktiviteter som genomförs för att nå målen.",
            "Activities carried out to reach the goals.",
            "Knyt varje aktivitet till det mål den ska bidra till och följ dess status.",
            "Link each activity to the goal it is to contribute to and follow its status.",
            classes=("Activity",), properties=("implementsGoal",)),
    Element("supporting-tools", "implement-and-apply", "3.3",
            "Stödjande verktyg", "Supporting tools",
            "Verktyg som stöder genomförandet: hållbar upphandling, miljöledningssystem (ISO 14001, EMAS, "
            "Svensk Miljöbas), gröna nyckeltal, Healthy Cities.",
            "Tools that support implementation: sustainable procurement, environmental management systems "
            "(ISO 14001, EMAS, Svensk Miljöbas), green key indicators, Healthy Cities.",
            "Använd de stödjande verktygen där de passar, till exempel hållbarhetskrav i upphandling och ett "
            "miljöledningssystem i verksamheterna.",
            "Use the supporting tools where they fit, for example sustainability requirements in procurement and "
            "an environmental management system in the services.",
            classes=("ProcurementCriterion",), properties=("usesSupportingTool",)),
    Element("indicator-follow-up", "evaluate-and-report", "4.1",
            "Uppföljning av indikatorer", "Indicator follow-up",
            "Uppmätta värden för indikatorerna över tid.",
            "Measured values of the indicators over time.",
            "Följ upp indikatorerna regelbundet, minst årligen, och jämför med målvärden och med andra "
            "organisationer.",
            "Follow up the indicators regularly, at least yearly, and compare with the target values and with "
            "other organisations.",
            classes=("Observation",)),
    Element("goal-assessment", "evaluate-and-report", "4.2",
            "Bedömning av måluppfyllelse", "Assessment of goal fulfilment",
            "Bedömningar av om målen är uppfyllda för en period.",
            "Assessments of whether the goals are fulfilled for a period.",
            "Bedöm måluppfyllelsen för varje mål och period och redovisa den för fullmäktige och invånarna.",
            "Assess goal fulfilment for each goal and period and report it to the council and the residents.",
            classes=("Assessment",), properties=("fulfilmentStatus",)),
    Element("revision", "analyse-and-improve", "5.1",
            "Revidering av målen", "Revision of the goals",
            "Att målstrukturen har reviderats: mer än en version finns.",
            "The goal structure having been revised: more than one version exists.",
            "Analysera uppföljningen och orsakerna bakom resultaten, och låt analysen leda till beslut om "
            "reviderade mål, styrdokument och arbetssätt i nästa planering.",
            "Analyse the follow-up and the causes of the results, and let the analysis lead to decisions on "
            "revised goals, steering documents and ways of working in the next round of planning.",
            classes=("GoalStructureVersion",), minimum=2),
    Element("improvement-decisions", "analyse-and-improve", "5.2",
            "Förbättringsåtgärder", "Improvement actions",
            "Beslutade förbättringar till följd av analysen, till exempel sammanslagna mål eller flyttade mål.",
            "Improvements decided as a result of the analysis, such as merged or moved goals.",
            "Dokumentera vilka förbättringar som beslutas och följ upp att de genomförs.",
            "Document which improvements are decided and follow up that they are carried out.",
            classes=("Recommendation",)),
)
