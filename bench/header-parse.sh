#!/usr/bin/env bash
# Header parse, stopping before Pixel Data, on the same CT and RT files: our DicomReader against
# pydicom's dcmread(..., stop_before_pixels=True), side by side. Prints files/s for each and the ratio.
#
#   bench/header-parse.sh [DIR] [SECONDS]
#
# DIR defaults to dicom-samples/ if present, else pydicom's test corpus. Needs Debian python3-pydicom.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=/usr/bin/python3 # Debian's, which has pydicom; the python3 on PATH may not
CORPUS=/usr/lib/python3/dist-packages/pydicom/data/test_files
DIR=${1:-}
if [ -z "$DIR" ]; then
  if [ -d dicom-samples ]; then DIR=dicom-samples; else DIR=$CORPUS; fi
fi
SECONDS_PER_SIDE=${2:-10}

source bin/find-jdk
./mvnw -B -q compile -Dquarkus.build.skip=true >/dev/null 2>&1

LIST=$(mktemp)
trap 'rm -f "$LIST" "$LIST.all"' EXIT
"$PYTHON" bench/select_ct_rt.py "$DIR" >"$LIST.all"
java -cp target/classes bench/HeaderParseBench.java --readable "$LIST.all" >"$LIST"
FILES=$(wc -l <"$LIST")
[ "$FILES" -gt 0 ] || { echo "no CT or RT files under $DIR" >&2; exit 1; }
MB=$(xargs -d '\n' du -cb <"$LIST" | tail -1 | awk '{printf "%.1f", $1/1e6}')
echo "files: $FILES CT/RT files ($MB MB) from $DIR; $SECONDS_PER_SIDE s per side"

OURS=$(java -cp target/classes bench/HeaderParseBench.java "$LIST" "$SECONDS_PER_SIDE")
PYDICOM=$("$PYTHON" bench/header_parse_pydicom.py "$LIST" "$SECONDS_PER_SIDE")
PYDICOM_VERSION=$("$PYTHON" -c 'import pydicom; print(pydicom.__version__)')
echo "consilium DicomReader:  $OURS files/s  ($(java -version 2>&1 | head -1))"
echo "pydicom $PYDICOM_VERSION dcmread: $PYDICOM files/s  ($("$PYTHON" --version))"
awk -v a="$OURS" -v b="$PYDICOM" 'BEGIN { printf "ratio: %.1fx\n", a / b }'
