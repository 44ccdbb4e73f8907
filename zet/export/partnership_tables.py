"""All data under the partnership report as one Excel workbook: dagdelen, group outcomes,
confirmed points with their rode lijn and labels, werkblad scores per year, actions and the
quickscans' aggregates per locatie, year and role group.
Typed cells (dates as dates, numbers as numbers); no names of participants."""
from __future__ import annotations

import pandas as pd

from zet.export import local_time
from zet.export.partnership_pdf import period
from zet.export.quickscan_exports import quickscan_frames
from zet.export.spreadsheets import frame_of, workbook_bytes
from zet.programme.partnership_report import PartnershipReport
from zet.programme.rode_lijnen import lines, waarborgen_of
from zet.room.points import KINDS

SHEETS = ("Verslag", "Dagdelen", "Groepen", "Punten", "Rode lijnen", "Werkbladscores",
          "Acties", "Quickscan per waarborg", "Quickscan per thema")


def _title(report: PartnershipReport, theme_id: str) -> str:
    theme = report.library.themes.get(theme_id)
    return theme.titel if theme else theme_id


def _waarborgen(report: PartnershipReport, theme_id: str) -> str:
    theme = report.library.themes.get(theme_id)
    return ", ".join(theme.waarborgen) if theme else ""


def partnership_frames(report: PartnershipReport) -> dict[str, pd.DataFrame]:
    facts = [("opleidingsschool", report.partnership.naam), ("periode", period(report)),
             ("locatie", report.locatie.naam if report.locatie else "alle locaties"),
             ("dagdelen", len(report.dagdelen)), ("themagroepen", len(report.outcomes)),
             ("quickscan-invullers", sum(q.results.respondents for q in report.quickscans)),
             ("verslag gemaakt op", local_time(report.made_at))]
    dagdelen = [{"datum": e.datum, "jaar": e.jaar, "locatie": e.locatie, "titel": e.titel,
                 "thema's": ", ".join(_title(report, t) for t in e.theme_ids),
                 "themagroepen": e.groups} for e in report.dagdelen]
    groepen = [{"datum": o.datum, "jaar": o.jaar, "locatie": o.locatie,
                "thema": _title(report, o.theme_id), "waarborgen": _waarborgen(report, o.theme_id),
                "nu": o.nu, "gewenst": o.gewenst, "punten bevestigd": "ja" if o.confirmed
                else "nee"} for o in report.outcomes]
    names = {group.id: group.naam for group in report.groups}
    punten = [{"datum": p.datum, "jaar": p.jaar, "locatie": p.locatie,
               "thema": _title(report, p.theme_id),
               "waarborgen": ", ".join(waarborgen_of(p.theme_id, p.waarborg, report.library)),
               "soort": KINDS.get(p.kind, p.kind), "tekst": p.text,
               "rode lijn (groep)": names.get(p.puntgroep_id, "") if p.puntgroep_id else "",
               "labels": ", ".join(p.labels)} for p in report.points]
    rode_lijnen = []
    for kind in KINDS:
        for line in lines([p for p in report.points if p.kind == kind], report.groups):
            rode_lijnen.append({"soort": KINDS[kind], "rode lijn": line.title,
                                "locaties": len(line.locaties),
                                "welke locaties": ", ".join(line.locaties),
                                "thema's": ", ".join(_title(report, t) for t in line.theme_ids),
                                "punten": len(line.points)})
    scores = [{"jaar": s.jaar, "thema": _title(report, s.theme_id), "vraag_id": s.question_id,
               "vraag": s.vraag, "type": s.kind, "score": s.score, "gewenst": s.gewenst,
               "feitelijk": s.feitelijk, "antwoorden": s.answers} for s in report.scores]
    acties = [{"status": a.status, "locatie": a.locatie, "thema": _title(report, a.theme_id),
               "ontwikkelpunt": a.ontwikkelpunt, "tevreden als": a.tevreden,
               "verantwoordelijk": a.verantwoordelijk, "hoe": a.aanpak, "tijdpad": a.tijdpad,
               "gemaakt op": local_time(a.created_at),
               "afgerond op": local_time(a.afgerond_at) if a.afgerond_at else None}
              for a in report.actions]
    frames = {
        "Verslag": frame_of([{"gegeven": k, "waarde": v} for k, v in facts],
                            ["gegeven", "waarde"]),
        "Dagdelen": frame_of(dagdelen, ["datum", "jaar", "locatie", "titel", "thema's",
                                        "themagroepen"]),
        "Groepen": frame_of(groepen, ["datum", "jaar", "locatie", "thema", "waarborgen", "nu",
                                      "gewenst", "punten bevestigd"]),
        "Punten": frame_of(punten, ["datum", "jaar", "locatie", "thema", "waarborgen", "soort",
                                    "tekst", "rode lijn (groep)", "labels"]),
        "Rode lijnen": frame_of(rode_lijnen, ["soort", "rode lijn", "locaties",
                                              "welke locaties", "thema's", "punten"]),
        "Werkbladscores": frame_of(scores, ["jaar", "thema", "vraag_id", "vraag", "type",
                                            "score", "gewenst", "feitelijk", "antwoorden"]),
        "Acties": frame_of(acties, ["status", "locatie", "thema", "ontwikkelpunt",
                                    "tevreden als", "verantwoordelijk", "hoe", "tijdpad",
                                    "gemaakt op", "afgerond op"]),
    }
    scans = quickscan_frames(list(report.quickscans))
    frames["Quickscan per waarborg"] = scans["Per waarborg"]
    frames["Quickscan per thema"] = scans["Per thema"]
    for column in ("nu", "gewenst"):
        frames["Groepen"][column] = frames["Groepen"][column].astype("Int64")
    return frames


def partnership_xlsx(report: PartnershipReport) -> bytes:
    return workbook_bytes(partnership_frames(report))
