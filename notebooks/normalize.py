"""Strips volatile data from executed notebooks so that re-running gives byte-identical files.

Removes per-cell execution timestamps, the JDK build in language_info, absolute paths of this directory,
and display ids that rapaio returns as results. Usage: python3 normalize.py NOTEBOOK...
"""
import os
import re
import sys

import nbformat

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def text_of(value):
    return "".join(value) if isinstance(value, list) else value


def normalize(path):
    nb = nbformat.read(path, as_version=4)
    here = os.path.dirname(os.path.abspath(path)) + os.sep
    nb.metadata.get("language_info", {}).pop("version", None)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        if cell.cell_type != "code":
            continue
        kept = []
        for out in cell.outputs:
            if out.output_type == "execute_result" and UUID.match(text_of(out.data.get("text/html", "")).strip()):
                continue  # the display id returned by display(...)
            if "text" in out:
                out.text = text_of(out.text).replace(here, "")
            kept.append(out)
        cell.outputs = kept
    nbformat.write(nb, path)


if __name__ == "__main__":
    for p in sys.argv[1:]:
        normalize(p)
