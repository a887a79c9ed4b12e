
PROBE SECTION
  probe note: ${section.note}
