using System.Net;
using System.Text;
using GuidelineGraph.Guidance.Coverage;

namespace GuidelineGraph.Guidance.Trace;

/// <summary>The text renderings of a traceability matrix: CSV (RFC 4180), Markdown and one self-contained HTML page.</summary>
public static class MatrixWriters
{
    /// <summary>The matrix as "csv", "html" or "markdown" (anything else).</summary>
    public static void WriteText(TraceabilityMatrix matrix, string format, TextWriter w)
    {
        switch (format)
        {
            case "csv": WriteCsv(matrix, w); break;
            case "html": WriteHtml(matrix, w); break;
            default: WriteMarkdown(matrix, w); break;
        }
    }

    public static void WriteCsv(TraceabilityMatrix matrix, TextWriter w)
    {
        w.Write(string.Join(",", TraceabilityMatrix.Columns.Select(Csv)) + "\r\n");
        foreach (TraceabilityRow row in matrix.Rows) w.Write(string.Join(",", TraceabilityMatrix.Cells(row).Select(Csv)) + "\r\n");
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";

    public static void WriteMarkdown(TraceabilityMatrix matrix, TextWriter w)
    {
        w.WriteLine($"# Traceability matrix{(matrix.Document is null ? "" : " — " + Path.GetFileName(matrix.Document))}");
        w.WriteLine();
        w.WriteLine(Summary(matrix));
        w.WriteLine();
        w.WriteLine("| " + string.Join(" | ", TraceabilityMatrix.Columns) + " |");
        w.WriteLine("|" + string.Concat(TraceabilityMatrix.Columns.Select(_ => " --- |")));
        foreach (TraceabilityRow row in matrix.Rows)
            w.WriteLine("| " + string.Join(" | ", TraceabilityMatrix.Cells(row).Select(MarkdownCell)) + " |");
    }

    private static string MarkdownCell(string text) => text.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");

    public static string Summary(TraceabilityMatrix matrix) =>
        $"{matrix.Rows.Count} requirements: {Count(matrix, CoverageStatus.Addressed)} addressed, {Count(matrix, CoverageStatus.Missing)} missing, {Count(matrix, CoverageStatus.Waived)} waived.";

    private static int Count(TraceabilityMatrix matrix, CoverageStatus status) => matrix.Rows.Count(r => r.Status == status);

    /// <summary>One HTML file with its styles inline: the heat map (M11 chapters × guideline sections), then the matrix.</summary>
    public static void WriteHtml(TraceabilityMatrix matrix, TextWriter w)
    {
        string title = "Traceability matrix" + (matrix.Document is null ? "" : " — " + Path.GetFileName(matrix.Document));
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + H(title) + "</title><style>");
        w.WriteLine("body{font-family:system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse;margin-bottom:2em}" +
                    "th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;font-size:13px}th{background:#f3f3f3;position:sticky;top:0}" +
                    "tr.addressed td.status{background:#c6efce}tr.missing td.status{background:#ffc7ce}tr.waived td.status{background:#e7e6e6}" +
                    "td.heat{text-align:center;min-width:2.5em}");
        w.WriteLine("</style></head><body>");
        w.WriteLine($"<h1>{H(title)}</h1><p>{H(Summary(matrix))}</p>");
        w.WriteLine("<h2>Heat map: ICH M11 chapters × guideline sections</h2>");
        w.WriteLine("<p>Each cell: addressed / applicable requirements; red is all missing, green all addressed.</p><table><tr><th>M11</th>");
        foreach (string section in matrix.GuidelineSections) w.Write($"<th>{H(section)}</th>");
        w.WriteLine("</tr>");
        foreach (string chapter in matrix.M11Chapters)
        {
            w.Write($"<tr><th>{H(chapter)}</th>");
            foreach (string section in matrix.GuidelineSections)
            {
                HeatCell cell = matrix.Cell(chapter, section);
                if (cell.Total == 0)
                {
                    w.Write("<td class=\"heat\"></td>");
                    continue;
                }
                double done = (cell.Addressed + cell.Waived) / (double)cell.Total;
                // From red (nothing addressed) through yellow to green (everything addressed or waived).
                int hue = (int)Math.Round(120 * done);
                w.Write($"<td class=\"heat\" style=\"background:hsl({hue},70%,75%)\" title=\"{cell.Addressed} addressed, {cell.Missing} missing, {cell.Waived} waived\">{cell.Addressed + cell.Waived}/{cell.Total}</td>");
            }
            w.WriteLine("</tr>");
        }
        w.WriteLine("</table><h2>Requirements</h2><table><tr>");
        foreach (string column in TraceabilityMatrix.Columns) w.Write($"<th>{H(column)}</th>");
        w.WriteLine("</tr>");
        foreach (TraceabilityRow row in matrix.Rows)
        {
            IReadOnlyList<string> cells = TraceabilityMatrix.Cells(row);
            w.Write($"<tr class=\"{row.StatusName}\">");
            for (int i = 0; i < cells.Count; i++)
                w.Write(TraceabilityMatrix.Columns[i] == "Status" ? $"<td class=\"status\">{H(cells[i])}</td>" : $"<td>{H(cells[i])}</td>");
            w.WriteLine("</tr>");
        }
        w.WriteLine("</table></body></html>");
    }

    private static string H(string text) => WebUtility.HtmlEncode(text);

    public static string ToString(Action<TraceabilityMatrix, TextWriter> write, TraceabilityMatrix matrix)
    {
        var sb = new StringBuilder();
        using var w = new StringWriter(sb);
        write(matrix, w);
        return sb.ToString();
    }
}
