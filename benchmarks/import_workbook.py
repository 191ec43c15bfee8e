"""A large, valid import workbook for the import benchmark: one municipality, N data rows.

The rows follow the proportions of a big real structure (Nyköping's document jungle scaled
up): a quarter goals in three levels under the overarching goals, a tenth indicators with
five to six yearly observations each (about half the rows), action plans, activities and
assessments. Names are invented and the workbook says so (illustrative). The same seed
gives the same rows.

    python benchmarks/import_workbook.py --rows 50000 --out var/import-50k.xlsx
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ssgraph.importing.model import SHEETS  # noqa: E402
from ssgraph.importing.template import cell_value  # noqa: E402

WORDS = ("klimat", "cykel", "skola", "vatten", "energi", "trygghet", "hälsa", "natur", "bostäder", "arbete",
         "kultur", "avfall", "transport", "delaktighet", "jämställdhet", "integration", "mat", "luft")
SDG_TARGETS = ("3.4", "4.1", "5.5", "6.3", "7.2", "8.5", "10.2", "11.1", "11.6", "12.5", "13.2", "15.5", "16.7")


def rows_for(total: int, seed: int = 1) -> dict[str, list[dict[str, object]]]:
    """About ``total`` data rows over the sheets of the model (plus the organisation's few)."""
    rng = random.Random(seed)
    rows: dict[str, list[dict[str, object]]] = {
        "organisation": [{"code": "0480", "name": "Nyköpings kommun", "type": "kommun",
                          "version": "Mål och budget 2025", "illustrative": "ja",
                          "note": "Benchmark data, invented (illustrative)"}],
        "bodies": [{"id": "KF", "name": "Kommunfullmäktige", "type": "fullmäktige"},
                   {"id": "KS", "name": "Kommunstyrelsen", "type": "styrelse"}]
        + [{"id": f"N{i}", "name": f"Nämnd {i}", "type": "nämnd"} for i in range(1, 9)],
        "documents": [{"id": f"D{i}", "title": f"Styrdokument {i}", "type": "mål och budget",
                       "decided_by": "KF", "decision_date": "2024-11-20", "valid_from": "2025-01-01",
                       "valid_until": "2028-12-31", "status": "gällande"} for i in range(1, 11)],
        "vision": [{"kind": "vision", "text": "Ett hållbart Nyköping (illustrativt)", "document": "D1"}],
    }
    goals, indicators, observations, plans, activities, assessments = [], [], [], [], [], []
    budget = total - sum(len(r) for r in rows.values())
    level_of = ("övergripande", "nämnd", "verksamhet")
    while budget > 0:
        index = len(goals) + 1
        if index % 50 == 1:  # an overarching goal every 50 goals
            level, parent = 0, None
        else:
            parents = [g for g in goals[-60:] if g["level"] != level_of[2]]
            parent_goal = rng.choice(parents)
            level, parent = level_of.index(parent_goal["level"]) + 1, parent_goal["id"]
        goal = {"id": f"G{index}", "level": level_of[level], "parent": parent, "document": f"D{1 + index % 10}",
                "text": f"Mål {index}: mer {rng.choice(WORDS)} och {rng.choice(WORDS)}",
                "responsible_body": "KS" if level == 0 else f"N{1 + index % 8}",
                "dimensions": rng.choice(("ekologisk", "social", "ekonomisk")),
                "sdg_targets": "; ".join(rng.sample(SDG_TARGETS, rng.randint(0, 2))) or None,
                "period_start": "2025", "period_end": "2028"}
        goals.append(goal)
        budget -= 1
        if level and rng.random() < 0.4:
            ident = f"I{len(indicators) + 1}"
            direction = rng.choice(("öka", "minska"))
            indicators.append({"id": ident, "goal": goal["id"], "name": f"Indikator {ident}", "unit": "%",
                               "direction": direction, "baseline_year": "2019", "baseline_value": "50",
                               "target_year": "2028", "target_value": "80" if direction == "öka" else "20"})
            budget -= 1
            for year in range(2019, 2019 + rng.randint(5, 6)):
                observations.append({"indicator": ident, "period": str(year),
                                     "value": f"{rng.uniform(10, 90):.1f}".replace(".", ",")})
                budget -= 1
        if level == 1 and rng.random() < 0.3:
            plan = f"HP{len(plans) + 1}"
            plans.append({"id": plan, "title": f"Handlingsplan {plan}", "goal": goal["id"],
                          "owner": goal["responsible_body"], "start": "2025-01-01", "end": "2027-12-31",
                          "status": "pågående"})
            budget -= 1
        if level == 2 and rng.random() < 0.4:
            plan = plans[-1]["id"] if plans else None
            activities.append({"id": f"A{len(activities) + 1}", "title": f"Aktivitet om {rng.choice(WORDS)}",
                               "action_plan": plan, "goal": goal["id"], "owner": goal["responsible_body"],
                               "start": "2025-02-01", "end": "2025-12-31", "status": "planerad"})
            budget -= 1
        if rng.random() < 0.2:
            assessments.append({"goal": goal["id"], "period": "2024",
                                "status": rng.choice(("delvis uppfyllt", "i hög grad uppfyllt"))})
            budget -= 1
    rows.update(goals=goals, indicators=indicators, observations=observations, action_plans=plans,
                activities=activities, assessments=assessments)
    return rows


def write(path: Path, rows: dict[str, list[dict[str, object]]], lang: str = "sv") -> Path:
    """A workbook in the template's sheets and headers, written in openpyxl's streaming mode."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for sheet in SHEETS:
        ws = book.create_sheet(sheet.name(lang))
        ws.append([column.header(lang) for column in sheet.columns])
        for values in rows.get(sheet.key, ()):
            ws.append([cell_value(values.get(column.key), column) for column in sheet.columns])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def row_count(rows: dict[str, list[dict[str, object]]]) -> int:
    return sum(len(r) for r in rows.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    rows = rows_for(args.rows, args.seed)
    write(args.out, rows)
    print(f"{row_count(rows)} rows written to {args.out}")


if __name__ == "__main__":
    main()
