# Reads a workbook back the way another program does (openpyxl) and prints it as JSON:
# per sheet its rows' values, frozen panes, autofilter, and the font/border of a few cells.
import json, sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    def style(ref):
        c = ws[ref]
        return {'font': c.font.name, 'bold': bool(c.font.b), 'border': all(getattr(c.border, s).style == 'thin' for s in ('left', 'right', 'top', 'bottom'))}
    out[ws.title] = {
        'rows': [list(r) for r in ws.iter_rows(values_only=True)],
        'freeze': ws.freeze_panes,
        'filter': ws.auto_filter.ref,
        'header': style('A2'),
        'body': style('A3') if ws.max_row >= 3 else None,
    }
print(json.dumps(out, ensure_ascii=False, default=str))
