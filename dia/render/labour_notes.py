"""The explanations of the Skilled workers page (English msgids, translated in the catalogs):
what each side counts and how the two sides may be compared. Full method: docs/labour-market.md."""

from __future__ import annotations

from typing import Final

from core.i18n import N_

# Beside the chart of vacancies and job seekers.
VACANCY_NOTES: Final = (
    N_(
        "**NL:** open vacancies at the end of the quarter and WW benefits that started "
        "less than six months ago (UWV), for the whole labour market region."
    ),
    N_(
        "**DE:** vacancies reported to the Bundesagentur für Arbeit (about half of all "
        "vacancies) and registered unemployed people by target occupation (BA)."
    ),
    N_(
        "Job seekers differ: a Dutch WW recipient or *werkloze* is not a German "
        "*Arbeitsloser*, and neither counts every job seeker. Compare each side with "
        "itself, not the two bars across the border."
    ),
    N_(
        "Occupations: BRC 2014 (NL) and KldB 2010 (DE) mapped to ISCO-08 sub-major "
        "groups; a BRC group is split equally over its ISCO unit groups, a KldB code "
        "takes BA's first-ranked match."
    ),
)

# Beside the tension chart.
TENSION_NOTES: Final = (
    N_(
        "Each side on its own axis. UWV measures tension as open vacancies per WW "
        "benefit of less than six months; the BA rates shortage occupations in its "
        "Engpassanalyse per federal state with several indicators. Both ratios here are "
        "vacancies per job seeker, but their levels cannot be compared across the border."
    ),
    N_(
        "What can be compared is a group's position on its own side: **shortage** means "
        "a ratio of at least 1.5 times the side's ratio over all occupations (dotted "
        "line) and more vacancies than job seekers; **surplus** at most two thirds of it "
        "and more job seekers than vacancies."
    ),
)

# The method expander at the end of the page.
METHOD: Final = (
    N_(
        "- **Geography.** Each side's figures are shown for the area they are published "
        "for: UWV per labour market region (arbeidsmarktregio Drenthe: Emmen, Coevorden, "
        "Borger-Odoorn, De Wolden, Hoogeveen, Midden-Drenthe), the BA per district "
        "(Landkreis) or employment agency district. The area is named above every chart "
        "and in every map hover.\n- **Vacancies.** NL: open vacancies (UWV). DE: "
        "vacancies reported to the BA; employers report only part of their vacancies.\n- "
        "**Job seekers.** NL: WW benefit for less than six months, the denominator of "
        "UWV's tension indicator. DE: registered unemployed (*arbeitslos*: registered, "
        "without work or under 15 hours a week, available) by target occupation. Dutch "
        "*werkloos* (CBS, ILO definition) is a survey concept and again different.\n- "
        "**Occupations.** BRC 2014 (CBS) and KldB 2010 (BA) are mapped to ISCO-08. KldB: "
        "BA's Umsteigeschlüssel, first-ranked match. BRC: every ISCO-08 unit group CBS "
        "assigns to the group, the figure split equally (CBS gives no weights).\n- "
        "**Status.** Relative to the same side: shortage at 1.5 times the side's ratio "
        "over all occupations or more, surplus at two thirds or less; groups with fewer "
        "than 10 vacancies and job seekers together are not rated.\n- **Sample data.** "
        "Until real UWV and BA tables are loaded, vacancies and job seekers are "
        "generated sample figures, marked as such in every chart.\n- Full documentation: "
        "docs/labour-market.md."
    ),
)
