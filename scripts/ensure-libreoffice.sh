#!/bin/sh
# The paper tests open the Word files as a person would: Debian's LibreOffice prints them to PDF
# and poppler counts the pages and lists the pictures. The papers ask for Arial, which LibreOffice
# sets in the metric-compatible Liberation Sans: without it the page count would change. When
# any of these is missing and this runs as root on Debian, they are installed from the Debian packages.
set -eu
soffice="${SOFFICE_PATH:-soffice}"
if command -v "$soffice" >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 \
  && command -v pdfimages >/dev/null 2>&1 && fc-list 2>/dev/null | grep -q 'Liberation Sans'; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's LibreOffice (libreoffice-writer-nogui), poppler-utils and fonts-liberation for the paper tests (once, about a minute)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation >/dev/null
  exit 0
fi
echo "The paper tests need LibreOffice (soffice), poppler-utils (pdfinfo, pdfimages) and fonts-liberation: install Debian's libreoffice-writer-nogui, poppler-utils and fonts-liberation, or set SOFFICE_PATH." >&2
exit 1
