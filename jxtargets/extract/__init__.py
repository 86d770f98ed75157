"""`jxtargets extract`: figures from a statistical bulletin or a work report, each tied to its sentence.

A pure core (`text` splits a document into sentences with their section, `names` finds the
catalogue's names and aliases, `quantities` reads numbers and units, `parse` turns sentences into
figures or left-out numbers with a reason) and the I/O around it (`read` for plain text and
.docx, `write` for the actuals YAML and the report). `jxtargets.api.extract` ties them together.
No network, no model: rules over the catalogue's names and aliases.
"""
