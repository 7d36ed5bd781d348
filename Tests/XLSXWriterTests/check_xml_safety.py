"""Reads back the workbooks of TextPathFuzzTests (SPEC §8, XML-safe text).

For every .xlsx in the folder: every part of the zip that is XML is parsed by expat
(xml.dom.minidom, which refuses any ill-formed document) and must not contain a character XML 1.0
forbids; then openpyxl opens the file, and its sheet names, cell texts and document properties
must equal what was written with every forbidden character replaced by U+FFFD.

Usage: check_xml_safety.py FOLDER   (FOLDER holds the .xlsx files and expected.json)
"""
import json
import os
import re
import sys
import zipfile
import xml.dom.minidom

import openpyxl

FORBIDDEN = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')
# Excel's escape for a character in a cell's text (libxlsxwriter writes CR as _x000D_); Excel
# reads it back as the character, openpyxl leaves it as written.
EXCEL_ESCAPE = re.compile('_x([0-9A-Fa-f]{4})_')


def safe(text):
    return FORBIDDEN.sub('\ufffd', text)


def as_excel_reads(text):
    return EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def as_xml_reads(text):
    # An XML parser normalises CR LF and lone CR to LF in element text.
    return text.replace('\r\n', '\n').replace('\r', '\n')


def main(folder):
    with open(os.path.join(folder, 'expected.json'), encoding='utf-8') as f:
        cases = json.load(f)
    problems = []
    for case in cases:
        path = os.path.join(folder, case['file'])
        name = case['file']
        with zipfile.ZipFile(path) as z:
            parts = [n for n in z.namelist() if n.endswith('.xml') or n.endswith('.rels')]
            if not any(n.startswith('xl/charts/chart') for n in parts):
                problems.append(f'{name}: no chart parts')
            for part in parts:
                data = z.read(part)
                try:
                    xml.dom.minidom.parseString(data)
                except Exception as e:  # expat's ExpatError, and anything else it raises
                    problems.append(f'{name}:{part}: not well-formed XML: {e}')
                    continue
                text = data.decode('utf-8')
                bad = FORBIDDEN.search(text)
                if bad:
                    problems.append(f'{name}:{part}: forbidden character U+{ord(bad.group()):04X}')
                if '_x000B_' in text or '_x001F_' in text:
                    problems.append(f'{name}:{part}: a control escaped by libxlsxwriter, not replaced')
        try:
            wb = openpyxl.load_workbook(path)
        except Exception as e:
            problems.append(f'{name}: openpyxl cannot open it: {type(e).__name__}: {e}')
            continue
        if wb.sheetnames != case['sheets']:
            problems.append(f'{name}: sheet names {wb.sheetnames!r} != {case["sheets"]!r}')
        for s, sheet_name in enumerate(case['sheets']):
            if sheet_name not in wb.sheetnames:
                continue
            if FORBIDDEN.search(sheet_name):
                problems.append(f'{name}: sheet name {sheet_name!r} has a forbidden character')
            ws = wb[sheet_name]
            for r, row in enumerate(case['cells'][s]):
                for c, written in enumerate(row):
                    cell = ws.cell(row=r + 1, column=c + 1)
                    if written is None:
                        if cell.value is not None:
                            problems.append(f'{name}:{sheet_name}!{cell.coordinate}: {cell.value!r} where a blank was written')
                        continue
                    if cell.data_type != 's':
                        problems.append(f'{name}:{sheet_name}!{cell.coordinate}: type {cell.data_type!r}, not text')
                    got = as_excel_reads(cell.value or '')
                    if got != safe(written):
                        problems.append(f'{name}:{sheet_name}!{cell.coordinate}: read {got[:60]!r}, '
                                        f'expected {safe(written)[:60]!r}')
        props = wb.properties
        for field in ('title', 'subject', 'author'):
            got = getattr(props, 'creator' if field == 'author' else field) or ''
            want = as_xml_reads(safe(case[field]))
            if got != want:
                problems.append(f'{name}: property {field} {got!r} != {want!r}')
        with zipfile.ZipFile(path) as z:
            app = xml.dom.minidom.parseString(z.read('docProps/app.xml'))
            company = ''.join(n.firstChild.data if n.firstChild else '' for n in app.getElementsByTagName('Company'))
            if company != as_xml_reads(safe(case['company'])):
                problems.append(f'{name}: company {company!r} != {safe(case["company"])!r}')
            # Every chart title, as a strict parser reads the chart parts, is the written title made safe.
            read_titles = []
            for n in sorted(z.namelist()):
                if n.startswith('xl/charts/chart'):
                    doc = xml.dom.minidom.parseString(z.read(n))
                    for title in doc.getElementsByTagName('c:title'):
                        runs = title.getElementsByTagName('a:t')
                        read_titles.append(''.join(t.firstChild.data if t.firstChild else '' for t in runs))
            for title in case['chartTitles']:
                if title and as_xml_reads(safe(title)) not in read_titles:
                    problems.append(f'{name}: chart title {safe(title)!r} not found among {read_titles!r}')
    for p in problems[:40]:
        print(p)
    if problems:
        print(f'{len(problems)} problems')
        return 1
    print(f'checked {len(cases)} workbooks')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
