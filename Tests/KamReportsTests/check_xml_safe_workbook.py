"""Reads back XMLSafeWorkbookTests' sales report (SPEC §8, XML-safe text): every XML part of the
zip parses with expat (strict) and holds no character XML 1.0 forbids; openpyxl opens the file;
the customer name written with \\x0b, U+FFFE and U+FFFF reads back with U+FFFD for each, in 客户排名,
in the top-customers chart's cached categories and nowhere as libxlsxwriter's `_x000B_` escape;
the owner title's \\x1f is U+FFFD in the document title.
"""
import os
import re
import sys
import zipfile
import xml.dom.minidom

import openpyxl

FORBIDDEN = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')
NAME = '坏\ufffd名\ufffd字\ufffd'


def main(folder):
    path = os.path.join(folder, 'sales.xlsx')
    problems = []
    with zipfile.ZipFile(path) as z:
        chart_text = ''
        for part in z.namelist():
            if not (part.endswith('.xml') or part.endswith('.rels')):
                continue
            data = z.read(part)
            try:
                xml.dom.minidom.parseString(data)
            except Exception as e:
                problems.append(f'{part}: not well-formed: {e}')
            text = data.decode('utf-8')
            if FORBIDDEN.search(text):
                problems.append(f'{part}: forbidden character')
            if '_x000B_' in text or '_x001F_' in text:
                problems.append(f'{part}: an escaped control instead of U+FFFD')
            if part.startswith('xl/charts/'):
                chart_text += text
        if NAME not in chart_text:
            problems.append('the chart cache does not show the name with U+FFFD')
    wb = openpyxl.load_workbook(path)
    ws = wb['客户排名']
    names = [ws.cell(row=r, column=3).value for r in range(2, ws.max_row + 1)]
    if NAME not in names:
        problems.append(f'客户排名 names {names!r} lack {NAME!r}')
    if wb.properties.title != 'HG01\ufffd化工 2026Q3 客户销售报表':
        problems.append(f'title {wb.properties.title!r}')
    for p in problems:
        print(p)
    if problems:
        return 1
    print('OK sales.xlsx')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
