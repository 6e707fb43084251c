"""Reads a workbook with openpyxl, an implementation independent of exceljs, and prints what it found
as JSON: every sheet's cell values (dates as ISO text), its frozen pane, autofilter, print setup and
the types of its charts. Used by independent-readers.test.ts."""
import datetime
import json
import sys

import openpyxl


def plain(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="milliseconds") + "Z"
    return value


book = openpyxl.load_workbook(sys.argv[1])
sheets = []
for ws in book.worksheets:
    sheets.append(
        {
            "name": ws.title,
            "rows": [[plain(v) for v in row] for row in ws.iter_rows(values_only=True)],
            "freeze": ws.freeze_panes,
            "autoFilter": ws.auto_filter.ref,
            "orientation": ws.page_setup.orientation,
            "fitToWidth": ws.page_setup.fitToWidth,
            "charts": [type(chart).__name__ for chart in ws._charts],
        }
    )
json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)
