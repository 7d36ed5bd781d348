#!/usr/bin/env bash
# Renders workbooks the way a reader sees them: LibreOffice (headless) prints each workbook to
# PDF with its own print setup (landscape, fit to width, repeated header row, page header and
# footer), then poppler turns every page into a PNG, to look at CJK glyphs, column widths,
# cut-off text and charts without Excel.
#
# usage: scripts/render-workbooks.sh [OUT] [WORKBOOK.xlsx ...]
#   With no workbooks: builds kam, makes a 40-customer demo workspace in OUT/workspace, runs it
#   as of 2026-11-22T08:00 and renders one workbook of each of the eight kinds.
#   PNGs land in OUT/png/<workbook>-<page>.png (default OUT: /tmp/kam-render), at RESOLUTION dpi
#   (default 60).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-/tmp/kam-render}"
shift || true
mkdir -p "$OUT/pdf" "$OUT/png"

need=()
command -v soffice >/dev/null || need+=(libreoffice-calc)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
fc-list :lang=zh | grep -q . || need+=(fonts-noto-cjk)
if ((${#need[@]})); then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get install -y --no-install-recommends "${need[@]}"
fi

workbooks=("$@")
if ((${#workbooks[@]} == 0)); then
    swift build
    WS="$OUT/workspace"
    rm -rf "$WS"
    .build/debug/kam demo "$WS" --customers 40 >/dev/null
    .build/debug/kam run --config "$WS/config/kam.yaml" --as-of 2026-11-22T08:00 >/dev/null
    R="$WS/reports"
    workbooks=(
        "$R/2026Q3/subsidiary/HG01_2026Q3_客户销售报表.xlsx"
        "$R/2026Q3/subsidiary/HG01_2026Q3_客户资信报表.xlsx"
        "$R/2026Q3/subsidiary/HG01_2026Q3_客户拜访记录及分析.xlsx"
        "$R/2026Q3/subsidiary/HG01_2026Q3_客户档案维护情况.xlsx"
        "$R/2026Q4/subsidiary/HG01_2026Q4_资信额度申请表.xlsx"
        "$R/2026Q3/management/化工_2026Q3_汇总分析表.xlsx"
        "$R/2026Q3/hq/集团_2026Q3_客户档案及拜访分析.xlsx"
    )
    review=$(find "$R" -path '*/hq/*' -name '*大客户*.xlsx' -not -path '*/superseded/*' | sort | tail -1)
    [ -n "$review" ] && workbooks+=("$review")
fi

# A private LibreOffice profile: no clash with a desktop session, no first-start dialogs.
PROFILE="file://$OUT/lo-profile"
for wb in "${workbooks[@]}"; do
    [ -f "$wb" ] || { echo "missing: $wb" >&2; continue; }
    soffice -env:UserInstallation="$PROFILE" --headless --convert-to pdf --outdir "$OUT/pdf" "$wb" >/dev/null 2>&1
    base="$(basename "${wb%.xlsx}")"
    rm -f "$OUT/png/$base"-*.png
    pdftoppm -png -r "${RESOLUTION:-60}" "$OUT/pdf/$base.pdf" "$OUT/png/$base"
    echo "$base: $(ls "$OUT/png/$base"-*.png | wc -l) page(s)"
done
echo "PNGs under $OUT/png"
