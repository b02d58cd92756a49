"""Read a result.vtu with VTK's own XML reader and print what it found as JSON.

Usage: python3 readVtu.py FILE.vtu
Prints {points, cells, cellTypes, bounds, pointData, cellData, fieldData, firstCell}: per array
its components and [min, max] range (doubles, printed exactly by repr), field data as strings.
"""

import json
import sys

from vtkmodules.vtkIOXML import vtkXMLUnstructuredGridReader


def arrays(data):
    out = {}
    for i in range(data.GetNumberOfArrays()):
        a = data.GetArray(i)
        lo, hi = float("inf"), float("-inf")
        for t in range(a.GetNumberOfTuples()):
            for c in range(a.GetNumberOfComponents()):
                v = a.GetComponent(t, c)
                lo, hi = min(lo, v), max(hi, v)
        out[a.GetName()] = {
            "components": a.GetNumberOfComponents(),
            "tuples": a.GetNumberOfTuples(),
            "range": [lo, hi],
        }
    return out


def main(path):
    reader = vtkXMLUnstructuredGridReader()
    reader.SetFileName(path)
    reader.Update()
    if reader.GetErrorCode() != 0:
        raise SystemExit(f"{path}: VTK reader error {reader.GetErrorCode()}")
    grid = reader.GetOutput()
    fields = {}
    fd = grid.GetFieldData()
    for i in range(fd.GetNumberOfArrays()):
        a = fd.GetAbstractArray(i)
        fields[a.GetName()] = [a.GetValue(k) for k in range(a.GetNumberOfValues())]
    types = sorted({grid.GetCellType(k) for k in range(grid.GetNumberOfCells())})
    first = grid.GetCell(0) if grid.GetNumberOfCells() > 0 else None
    first_cell = (
        [list(grid.GetPoint(first.GetPointId(k))) for k in range(first.GetNumberOfPoints())]
        if first
        else []
    )
    print(
        json.dumps(
            {
                "points": grid.GetNumberOfPoints(),
                "cells": grid.GetNumberOfCells(),
                "cellTypes": types,
                "bounds": list(grid.GetBounds()),
                "pointData": arrays(grid.GetPointData()),
                "cellData": arrays(grid.GetCellData()),
                "fieldData": fields,
                "firstCell": first_cell,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
