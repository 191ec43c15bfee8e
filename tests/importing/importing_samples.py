"""A small, complete structure touching every sheet of the interchange model."""

from __future__ import annotations

import datetime as dt

NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc)

SMALL = {
    "organisation": [{"code": "0480", "name": "Nyköpings kommun", "type": "kommun", "version": "Mål och budget 2024",
                      "supporting_tools": "hållbar upphandling", "note": "Testdata"}],
    "bodies": [{"id": "KF", "name": "Kommunfullmäktige", "type": "fullmäktige"},
               {"id": "KS", "name": "Kommunstyrelsen", "type": "styrelse"},
               {"id": "SBF", "name": "Samhällsbyggnadsförvaltningen", "type": "förvaltning", "part_of": "KS"}],
    "documents": [{"id": "MB24", "title": "Mål och budget 2024", "type": "mål och budget", "kind": "aktiverande",
                   "decided_by": "KF", "decision_date": "2023-11-20", "decision_reference": "KF § 187/2023",
                   "valid_from": "2024-01-01", "valid_until": "2026-12-31", "status": "gällande",
                   "url": "https://example.org/mb2024.pdf"}],
    "sources": [{"id": "s1", "title": "Mål och budget 2024 (webbversion)", "publisher": "Nyköpings kommun",
                 "url": "https://example.org/mb2024", "year": "2024", "secondary": "nej"}],
    "vision": [{"kind": "vision", "text": "Ett hållbart Nyköping", "text_en": "A sustainable Nyköping",
                "document": "MB24", "name": "Vision 2030", "source": "s1"}],
    "goals": [{"id": "G1", "level": "övergripande", "text": "Minskad klimatpåverkan", "document": "MB24",
               "sdg_targets": "13.2; 7.2", "environmental_objectives": "1", "dimensions": "ekologisk",
               "period_start": "2024", "period_end": "2027"},
              {"id": "G1.1", "parent": "G1", "level": "nämnd", "text": "Fossilfria fordon", "responsible_body": "KS",
               "aspects": "klimat", "public_health_areas": "5"},
              {"id": "G1.1.1", "parent": "G1.1", "level": "verksamhet", "text": "Elbilar i hemtjänsten",
               "sdg_targets": "11.6"},
              {"id": "G0", "level": "målområde", "source_term": "fokusområde", "text_complete": "nej",
               "responsible_body": "Rådet för social hållbarhet", "source": "s1", "note": "Rubriken saknas i utdraget."}],
    "indicators": [{"id": "I1", "goal": "G1.1.1; G1.1", "name": "Andel elbilar", "unit": "%", "direction": "öka",
                    "kolada_kpi": "N00401", "baseline_year": "2020", "baseline_value": "12,5",
                    "target_year": "2027", "target_value": "80", "target_operator": "minst", "verbatim": "ja",
                    "group": "Klimat"},
                   {"id": "I2", "goal": "G1.1", "name": "Utsläpp från fordon", "target_text": "ska minska",
                    "source": "s1"}],
    "observations": [{"indicator": "I1", "period": "2022", "value": "20,5"},
                     {"indicator": "I1", "period": "2023", "value": "31", "gender": "K"},
                     {"indicator": "I1", "period": "2022", "value": "18", "area": "riket"},
                     {"indicator": "I2", "text": "positiv utveckling", "approximate": "ja"}],
    "action_plans": [{"id": "HP1", "title": "Klimatplan", "goal": "G1.1", "owner": "KS", "start": "2024-01-01",
                      "end": "2026-12-31", "status": "pågående"}],
    "activities": [{"id": "A1", "title": "Byt bilar", "action_plan": "HP1", "goal": "G1.1.1", "owner": "SBF",
                    "start": "2024-02-01", "end": "2024-12-31", "status": "planerad", "budget": "1 500 000"}],
    "stakeholders": [{"id": "S1", "name": "Region Sörmland", "category": "region", "organisation_code": "0004"}],
    "dialogues": [{"id": "D1", "title": "Dialog om laddning", "date": "2024-03-01", "participants": "S1",
                   "planning_period": "2024–2026", "description": "Fler laddplatser önskas."}],
    "assessments": [{"goal": "G1.1", "period": "2023", "status": "delvis uppfyllt", "comment": "På väg."},
                    {"goal": "G1", "period": "2023", "status": "i hög grad uppfyllt"},
                    {"goal": "G1", "period": "2022", "status": "god måluppfyllelse"}],
}
