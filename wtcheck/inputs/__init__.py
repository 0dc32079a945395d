"""Readers for the files local authorities already have, independent of the audit engine.

* :mod:`wtcheck.inputs.sources`: a CSV, a workbook or a CIN return opened as
  tables of text cells with their line numbers;
* :mod:`wtcheck.inputs.columns`: headers matched to wtcheck's concepts (aliases,
  presets, a mapping file);
* :mod:`wtcheck.inputs.ssd`: a Standard Safeguarding Dataset extract's tables
  joined on their ids;
* :mod:`wtcheck.inputs.cin_xml`: the DfE children in need (CIN) census XML return,
  flattened into one table per entity;
* :mod:`wtcheck.inputs.annex_a`: which sheet of an Ofsted Annex A workbook is which
  list, where its header row is, and whether the audit can check it.

docs/inputs.md describes every format.
"""
