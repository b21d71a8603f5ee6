using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GuidelineGraph.Guidance.Coverage;

namespace GuidelineGraph.Guidance.Trace;

/// <summary>The matrix as an .xlsx workbook: a bold frozen header row, an autofilter over all columns, the status cell filled by status.</summary>
public static class MatrixWorkbook
{
    // Style indexes into the stylesheet below.
    private const uint Header = 1, Addressed = 2, Missing = 3, Waived = 4, Wrapped = 5;

    /// <summary>Writes the workbook to <paramref name="output"/>, which may be write-only (the package is built in memory).</summary>
    public static void Write(TraceabilityMatrix matrix, Stream output)
    {
        using var package = new MemoryStream();
        using (SpreadsheetDocument document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook)) Build(matrix, document);
        package.Position = 0;
        package.CopyTo(output);
    }

    private static void Build(TraceabilityMatrix matrix, SpreadsheetDocument document)
    {
        WorkbookPart workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        WorkbookStylesPart styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        WorksheetPart sheetPart = workbook.AddNewPart<WorksheetPart>();

        var data = new SheetData();
        data.Append(Row(1, TraceabilityMatrix.Columns, _ => Header));
        uint index = 2;
        foreach (TraceabilityRow row in matrix.Rows)
        {
            uint status = row.Status switch { CoverageStatus.Addressed => Addressed, CoverageStatus.Missing => Missing, _ => Waived };
            data.Append(Row(index++, TraceabilityMatrix.Cells(row), column => TraceabilityMatrix.Columns[column] == "Status" ? status : Wrapped));
        }
        string lastColumn = ColumnName(TraceabilityMatrix.Columns.Count - 1);
        double[] widths = [10, 16, 10, 40, 40, 28, 14, 36, 60];
        var columns = new Columns(widths.Select((width, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true }));
        var views = new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 });
        sheetPart.Worksheet = new Worksheet(views, columns, data, new AutoFilter { Reference = $"A1:{lastColumn}{index - 1}" });

        var sheets = workbook.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Traceability" });
        // Excel needs the autofilter's range as this defined name to show the filter buttons.
        workbook.Workbook.Append(new DefinedNames(new DefinedName
        {
            Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true, Text = $"'Traceability'!$A$1:${lastColumn}${index - 1}",
        }));
        workbook.Workbook.Save();
    }

    private static Row Row(uint index, IReadOnlyList<string> values, Func<int, uint> style)
    {
        var row = new Row { RowIndex = index };
        for (int i = 0; i < values.Count; i++)
            row.Append(new Cell
            {
                CellReference = ColumnName(i) + index,
                DataType = CellValues.InlineString,
                StyleIndex = style(i),
                InlineString = new InlineString(new Text(values[i]) { Space = SpaceProcessingModeValues.Preserve }),
            });
        return row;
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    private static Stylesheet Stylesheet()
    {
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }) { PatternType = PatternValues.Solid });
        var fonts = new Fonts(new Font(), new Font(new Bold()));
        // Fills 0 and 1 are reserved by the format (none, gray125).
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9D9D9"), Solid("FFC6EFCE"), Solid("FFFFC7CE"), Solid("FFE7E6E6"));
        var borders = new Borders(new Border());
        var top = new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true };
        var formats = new CellFormats(
            new CellFormat(),
            new CellFormat((Alignment)top.CloneNode(true)) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat((Alignment)top.CloneNode(true)) { FillId = 3, ApplyFill = true, ApplyAlignment = true },
            new CellFormat((Alignment)top.CloneNode(true)) { FillId = 4, ApplyFill = true, ApplyAlignment = true },
            new CellFormat((Alignment)top.CloneNode(true)) { FillId = 5, ApplyFill = true, ApplyAlignment = true },
            new CellFormat((Alignment)top.CloneNode(true)) { ApplyAlignment = true });
        return new Stylesheet(fonts, fills, borders, formats);
    }
}
