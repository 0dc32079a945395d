"""Build examples/annex-a.xlsx: a synthetic Ofsted Annex A workbook (all eleven lists).

Made-up children, no real people. Headers are those of wtcheck.inputs.annex_a.LIST_HEADERS
(real-data.md §1.3). Lists 5 and 7 hold dates as dd/mm/yyyy text and coded flags
(``a) Yes``/``b) No``), as SSD's Annex A generator writes them; List 5 has a ChAT-style
title row above its headers; the other lists hold true Excel dates. The extract date is
31 July 2025; the expected findings are in tests/data/annex-a.expected.csv.

Run from the repository root: ``python scripts/make_annex_a.py`` (needs XlsxWriter, a
dev dependency). The output is deterministic (fixed document properties).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter

from wtcheck.inputs.annex_a import LIST_HEADERS

OUT = Path(__file__).resolve().parent.parent / "examples" / "annex-a.xlsx"
TEXT_DATES = {5, 7}
TITLE_ROW = {5: "List 5: Section 47 enquiries and ICPCs (01/02/2025 - 31/07/2025)"}

M, F = "a) Male", "b) Female"
YES, NO = "a) Yes", "b) No"


def d(y: int, m: int, day: int) -> date:
    return date(y, m, day)


def child(cid: str, sex: str, eth: str, dob: date, age: int) -> dict[str, Any]:
    return {"Child Unique ID": cid, "Gender": sex, "Ethnicity": eth, "Date of Birth": dob,
            "Age": age}  # fmt: skip


ROWS: dict[int, list[dict[str, Any]]] = {
    1: [
        {**child("C2001", F, "a) WBRI", d(2013, 5, 2), 12), "Date of Contact": d(2025, 4, 11),
         "Contact Source": "Police"},
        {**child("C2101", M, "c) MWBC", d(2016, 8, 19), 8), "Date of Contact": d(2025, 4, 11),
         "Contact Source": "School"},
        {**child("C2301", F, "a) WBRI", d(2019, 1, 7), 6), "Date of Contact": d(2025, 2, 27),
         "Contact Source": "Health visitor"},
    ],
    2: [  # early help: NOT the statutory assessment; 3 Mar to 30 Jun would look "late"
        {**child("C2301", F, "a) WBRI", d(2019, 1, 7), 6),
         "Assessment start date": d(2025, 3, 3), "Assessment completion date": d(2025, 6, 30),
         "Organisation completing assessment": "Family Hub North"},
    ],
    3: [
        {**child("C2001", F, "a) WBRI", d(2013, 5, 2), 12), "Date of Referral": d(2025, 4, 11),
         "Referral Source": "Police", "Referral NFA?": NO,
         "Number of Referrals in Last 12 Months": 1, "Allocated Team": "Duty North",
         "Allocated Worker": "Worker 17"},
        {**child("C2004", M, "a) WBRI", d(2010, 12, 1), 14), "Date of Referral": d(2025, 3, 19),
         "Referral Source": "School", "Referral NFA?": NO,
         "Number of Referrals in Last 12 Months": 2, "Allocated Team": "Duty South",
         "Allocated Worker": "Worker 4"},
    ],
    4: [
        {**child("C2001", F, "a) WBRI", d(2013, 5, 2), 12),
         "Does the Child have a Disability": NO,
         "Continuous Assessment Start Date": d(2025, 4, 14),
         "Child Seen During Continuous Assessment": YES,
         "Continuous Assessment Date of Authorisation": d(2025, 6, 16),
         "Was the child assessed as requiring LA children's social care support?": YES,
         "Allocated Team": "Duty North", "Allocated Worker": "Worker 17"},
        {**child("C2002", M, "e) BAFR", d(2015, 3, 30), 10),
         "Does the Child have a Disability": NO,
         "Continuous Assessment Start Date": d(2025, 5, 1),
         "Child Seen During Continuous Assessment": YES,
         "Allocated Team": "Duty North", "Allocated Worker": "Worker 3"},
        {**child("C2003", F, "a) WBRI", d(2020, 10, 10), 4),
         "Does the Child have a Disability": NO,
         "Continuous Assessment Start Date": d(2025, 7, 1),
         "Child Seen During Continuous Assessment": NO,
         "Allocated Team": "Duty South", "Allocated Worker": "Worker 4"},
        {**child("C2004", M, "a) WBRI", d(2010, 12, 1), 14),
         "Does the Child have a Disability": YES,
         "Continuous Assessment Start Date": d(2025, 3, 20),
         "Child Seen During Continuous Assessment": YES,
         "Continuous Assessment Date of Authorisation": d(2025, 6, 2),
         "Was the child assessed as requiring LA children's social care support?": NO,
         "Allocated Team": "Duty South", "Allocated Worker": "Worker 4"},
        {**child("C2005", F, "d) AIND", d(2012, 6, 6), 13),
         "Does the Child have a Disability": NO,
         "Continuous Assessment Start Date": d(2025, 6, 5),
         "Child Seen During Continuous Assessment": YES,
         "Allocated Team": "Duty North", "Allocated Worker": "Worker 9"},
        {**child("C2006", M, "a) WBRI", d(2011, 2, 28), 14),
         "Does the Child have a Disability": NO,
         "Continuous Assessment Start Date": d(2025, 6, 6),
         "Child Seen During Continuous Assessment": YES,
         "Allocated Team": "Duty North", "Allocated Worker": "Worker 9"},
    ],
    5: [
        {**child("C2101", M, "c) MWBC", d(2016, 8, 19), 8),
         "Does the Child have a Disability": NO,
         "Strategy discussion initiating Section 47 Enquiry Start Date": d(2025, 4, 14),
         "Was an Initial Child Protection Conference deemed unnecessary?": NO,
         "Date of Initial Child Protection Conference": d(2025, 5, 8),
         "Did the Initial Child Protection Conference Result in a Child Protection Plan": YES,
         "Number of Section 47 Enquiries in the last 12 months": 0,
         "Number of ICPCs in the last 12 months": 0,
         "Allocated Team": "CP Team 1", "Allocated Worker": "Worker 21"},
        {**child("C2102", F, "a) WBRI", d(2014, 9, 9), 10),
         "Does the Child have a Disability": NO,
         "Strategy discussion initiating Section 47 Enquiry Start Date": d(2025, 5, 19),
         "Was an Initial Child Protection Conference deemed unnecessary?": NO,
         "Date of Initial Child Protection Conference": d(2025, 6, 11),
         "Did the Initial Child Protection Conference Result in a Child Protection Plan": YES,
         "Number of Section 47 Enquiries in the last 12 months": 1,
         "Number of ICPCs in the last 12 months": 0,
         "Allocated Team": "CP Team 1", "Allocated Worker": "Worker 22"},
        {**child("C2103", M, "a) WBRI", d(2009, 4, 1), 16),
         "Does the Child have a Disability": NO,
         "Strategy discussion initiating Section 47 Enquiry Start Date": d(2025, 7, 25),
         "Was an Initial Child Protection Conference deemed unnecessary?": NO,
         "Number of Section 47 Enquiries in the last 12 months": 0,
         "Number of ICPCs in the last 12 months": 0,
         "Allocated Team": "CP Team 2", "Allocated Worker": "Worker 23"},
        {**child("C2104", F, "b) WIRI", d(2018, 11, 30), 6),
         "Does the Child have a Disability": NO,
         "Strategy discussion initiating Section 47 Enquiry Start Date": d(2025, 6, 30),
         "Was an Initial Child Protection Conference deemed unnecessary?": YES,
         "Number of Section 47 Enquiries in the last 12 months": 0,
         "Number of ICPCs in the last 12 months": 0,
         "Allocated Team": "CP Team 2", "Allocated Worker": "Worker 23"},
        {**child("C2105", M, "a) WBRI", d(2013, 1, 13), 12),
         "Does the Child have a Disability": YES,
         "Strategy discussion initiating Section 47 Enquiry Start Date": d(2025, 7, 2),
         "Was an Initial Child Protection Conference deemed unnecessary?": NO,
         "Number of Section 47 Enquiries in the last 12 months": 0,
         "Number of ICPCs in the last 12 months": 0,
         "Allocated Team": "CP Team 1", "Allocated Worker": "Worker 21"},
        {**child("C2106", F, "a) WBRI", d(2017, 7, 7), 8),
         "Does the Child have a Disability": NO,
         "Strategy discussion initiating Section 47 Enquiry Start Date": d(2025, 3, 3),
         "Was an Initial Child Protection Conference deemed unnecessary?": NO,
         "Date of Initial Child Protection Conference": d(2025, 3, 20),
         "Did the Initial Child Protection Conference Result in a Child Protection Plan": NO,
         "Number of Section 47 Enquiries in the last 12 months": 0,
         "Number of ICPCs in the last 12 months": 0,
         "Allocated Team": "CP Team 2", "Allocated Worker": "Worker 24"},
        {**child("C2107", M, "e) BAFR", d(2021, 2, 2), 4),
         "Does the Child have a Disability": NO,
         "Strategy discussion initiating Section 47 Enquiry Start Date": d(2025, 5, 27),
         "Was an Initial Child Protection Conference deemed unnecessary?": NO,
         "Date of Initial Child Protection Conference": d(2025, 6, 5),
         "Did the Initial Child Protection Conference Result in a Child Protection Plan": YES,
         "Number of Section 47 Enquiries in the last 12 months": 0,
         "Number of ICPCs in the last 12 months": 0,
         "Allocated Team": "CP Team 1", "Allocated Worker": "Worker 22"},
    ],
    7: [
        {**child("C2201", F, "a) WBRI", d(2012, 12, 12), 12),
         "Does the Child have a Disability": NO,
         "Child Protection Plan Start Date": d(2024, 1, 10),
         "Initial Category of Abuse": "b) Neglect", "Latest Category of Abuse": "b) Neglect",
         "Date of the Last Statutory Visit": d(2025, 7, 18), "Was the Child Seen Alone?": YES,
         "Date of latest review conference": d(2025, 1, 10),
         "Number of Previous Child Protection Plans": 0,
         "Allocated Team": "CP Team 1", "Allocated Worker": "Worker 21"},
        {**child("C2107", M, "e) BAFR", d(2021, 2, 2), 4),
         "Does the Child have a Disability": NO,
         "Child Protection Plan Start Date": d(2025, 6, 5),
         "Initial Category of Abuse": "a) Physical abuse",
         "Latest Category of Abuse": "a) Physical abuse",
         "Date of the Last Statutory Visit": d(2025, 7, 24), "Was the Child Seen Alone?": NO,
         "Number of Previous Child Protection Plans": 0,
         "Allocated Team": "CP Team 1", "Allocated Worker": "Worker 22"},
        {**child("C2203", M, "a) WBRI", d(2016, 4, 4), 9),
         "Does the Child have a Disability": NO,
         "Child Protection Plan Start Date": d(2025, 2, 20),
         "Initial Category of Abuse": "c) Emotional abuse",
         "Latest Category of Abuse": "c) Emotional abuse",
         "Date of the Last Statutory Visit": d(2025, 7, 2), "Was the Child Seen Alone?": YES,
         "Number of Previous Child Protection Plans": 1,
         "Allocated Team": "CP Team 2", "Allocated Worker": "Worker 23"},
        {**child("C2204", F, "a) WBRI", d(2015, 10, 21), 9),
         "Does the Child have a Disability": NO,
         "Child Protection Plan Start Date": d(2024, 11, 14),
         "Initial Category of Abuse": "b) Neglect", "Latest Category of Abuse": "b) Neglect",
         "Date of the Last Statutory Visit": d(2025, 6, 20), "Was the Child Seen Alone?": YES,
         "Date of latest review conference": d(2025, 2, 13),
         "Child Protection Plan End Date": d(2025, 6, 30),
         "Number of Previous Child Protection Plans": 0,
         "Allocated Team": "CP Team 2", "Allocated Worker": "Worker 24"},
        {**child("C2205", M, "a) WBRI", d(2019, 3, 3), 6),
         "Does the Child have a Disability": YES,
         "Child Protection Plan Start Date": d(2024, 10, 2),
         "Initial Category of Abuse": "b) Neglect", "Latest Category of Abuse": "b) Neglect",
         "Date of the Last Statutory Visit": d(2025, 7, 30), "Was the Child Seen Alone?": NO,
         "Date of latest review conference": d(2024, 12, 31),
         "Number of Previous Child Protection Plans": 0,
         "Allocated Team": "CP Team 1", "Allocated Worker": "Worker 21"},
        {**child("C2206", F, "c) MWBC", d(2011, 1, 31), 14),
         "Does the Child have a Disability": NO,
         "Child Protection Plan Start Date": d(2024, 10, 31),
         "Initial Category of Abuse": "d) Sexual abuse",
         "Latest Category of Abuse": "d) Sexual abuse",
         "Date of the Last Statutory Visit": d(2025, 7, 29), "Was the Child Seen Alone?": YES,
         "Date of latest review conference": d(2025, 1, 31),
         "Number of Previous Child Protection Plans": 0,
         "Allocated Team": "CP Team 2", "Allocated Worker": "Worker 24"},
        {**child("C2207", M, "a) WBRI", d(2014, 8, 8), 10),
         "Does the Child have a Disability": NO,
         "Child Protection Plan Start Date": d(2025, 1, 31),
         "Initial Category of Abuse": "b) Neglect", "Latest Category of Abuse": "b) Neglect",
         "Date of the Last Statutory Visit": d(2025, 7, 3), "Was the Child Seen Alone?": NO,
         "Number of Previous Child Protection Plans": 2,
         "Allocated Team": "CP Team 2", "Allocated Worker": "Worker 23"},
        {**child("C2101", M, "c) MWBC", d(2016, 8, 19), 8),
         "Does the Child have a Disability": NO,
         "Child Protection Plan Start Date": d(2025, 5, 8),
         "Initial Category of Abuse": "b) Neglect", "Latest Category of Abuse": "b) Neglect",
         "Date of the Last Statutory Visit": d(2025, 7, 28), "Was the Child Seen Alone?": YES,
         "Number of Previous Child Protection Plans": 0,
         "Allocated Team": "CP Team 1", "Allocated Worker": "Worker 21"},
        {**child("C2102", F, "a) WBRI", d(2014, 9, 9), 10),
         "Does the Child have a Disability": NO,
         "Child Protection Plan Start Date": d(2025, 6, 11),
         "Initial Category of Abuse": "c) Emotional abuse",
         "Latest Category of Abuse": "c) Emotional abuse",
         "Date of the Last Statutory Visit": d(2025, 7, 21), "Was the Child Seen Alone?": YES,
         "Number of Previous Child Protection Plans": 0,
         "Allocated Team": "CP Team 1", "Allocated Worker": "Worker 22"},
    ],
    6: [
        {**child("C2001", F, "a) WBRI", d(2013, 5, 2), 12),
         "Does the Child have a Disability": NO, "CIN Start Date": d(2025, 4, 11),
         "Primary Need Code": "N1", "Date Child Was Last Seen": d(2025, 7, 15),
         "Case Status": "a) Open", "Allocated Team": "CIN Team", "Allocated Worker": "Worker 30"},
    ],
    8: [
        {**child("C2401", M, "a) WBRI", d(2012, 2, 2), 13),
         "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)": "b) No",
         "Does the Child have a Disability": NO, "Date Started to be Looked After": d(2024, 9, 9),
         "Start date of current legal status": d(2024, 9, 9), "Child's Legal Status": "C2",
         "Date of Latest Statutory Review": d(2025, 3, 3),
         "Date of Last Social Work Visit": d(2025, 7, 1),
         "Allocated Team": "CLA Team", "Allocated Worker": "Worker 40"},
    ],
    9: [
        {**child("C2501", F, "a) WBRI", d(2006, 6, 1), 19),
         "Does the Child have a Disability": NO, "Allocated Team": "Leaving Care",
         "Allocated Worker": "Worker 50", "Eligibility Category": "Former relevant",
         "Latest Pathway Plan Review Date": d(2025, 1, 20), "LA in Touch": "a) Yes",
         "Latest Date of Contact": d(2025, 7, 10)},
    ],
    10: [
        {"Child Unique ID": "C2601", "Family identifier": "F01", "Gender": F,
         "Ethnicity": "a) WBRI", "Date of Birth": d(2022, 5, 5), "Age of Child (Years)": 3,
         "Does the Child have a Disability": NO, "Date the Child Entered Care": d(2023, 1, 9),
         "Date of Decision that Child Should be Placed for Adoption": d(2023, 6, 1),
         "Date of Placement Order": d(2023, 9, 14), "Date Placed for Adoption": d(2024, 3, 4),
         "Date of Adoption Order": d(2025, 2, 17)},
    ],
    11: [
        {"Individual adopter identifier": "AD01", "Family identifier": "F01", "Gender": F,
         "Ethnicity": "a) WBRI", "Disability": NO,
         "Is the (prospective) adopter fostering for adoption?": NO,
         "Date enquiry received": d(2024, 8, 1), "Date Stage 1 started": d(2024, 9, 2),
         "Date Stage 1 ended": d(2024, 11, 1)},
    ],
}  # fmt: skip


def build(path: Path = OUT) -> None:
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    wb.set_properties({"author": "wtcheck tests", "created": datetime(2025, 7, 31, 9, 0)})
    date_format = wb.add_format({"num_format": "dd/mm/yyyy"})
    for number in range(1, 12):
        ws = wb.add_worksheet(f"List {number}")
        headers = LIST_HEADERS[number]
        row = 0
        if number in TITLE_ROW:
            ws.write_string(row, 0, TITLE_ROW[number])
            row += 1
        for col, header in enumerate(headers):
            ws.write_string(row, col, header)
        for record in ROWS[number]:
            row += 1
            unknown = set(record) - set(headers)
            assert not unknown, (number, unknown)
            for col, header in enumerate(headers):
                value = record.get(header)
                if value is None:
                    continue
                if isinstance(value, date):
                    if number in TEXT_DATES:
                        ws.write_string(row, col, value.strftime("%d/%m/%Y"))
                    else:
                        ws.write_datetime(row, col, datetime.combine(value, datetime.min.time()),
                                          date_format)  # fmt: skip
                elif isinstance(value, int):
                    ws.write_number(row, col, value)
                else:
                    ws.write_string(row, col, value)
    wb.close()


if __name__ == "__main__":
    build()
    print(f"wrote {OUT}")
