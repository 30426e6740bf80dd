using System.Text;
using MiniExcelLibs;

namespace TechBridge.Platform.Files;

// A list as people export it: headers and rows of text, already in the reader's words (names, not codes). One table,
// two files: CSV (UTF-8 with a byte-order mark, so that Excel reads Chinese) and xlsx. Every export goes through here.
internal sealed record ExportTable(IReadOnlyList<string> Headers, IReadOnlyList<string?[]> Rows);

internal static class TableExport
{
    public static byte[] ToCsv(ExportTable table)
    {
        var text = new StringBuilder(Csv.Line(table.Headers.ToArray()));
        foreach (var row in table.Rows)
        {
            text.Append(Csv.Line(row));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] ToXlsx(ExportTable table)
    {
        // MiniExcel writes one sheet from rows of name → value; the names are the headers in their order. A header
        // given twice would collapse into one column, so repeats get a number.
        var names = new List<string>();
        foreach (var header in table.Headers)
        {
            var name = header;
            for (var i = 2; names.Contains(name); i++)
            {
                name = $"{header} {i}";
            }

            names.Add(name);
        }

        var rows = table.Rows.Select(row =>
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < names.Count; i++)
            {
                values[names[i]] = i < row.Length ? row[i] : null;
            }

            return values;
        }).ToList();
        using var stream = new MemoryStream();
        if (rows.Count == 0)
        {
            rows.Add(names.ToDictionary(n => n, _ => (object?)null, StringComparer.Ordinal));
        }

        stream.SaveAs(rows, printHeader: true);
        return stream.ToArray();
    }

    // format: "csv", otherwise xlsx; fileName without its extension.
    public static IResult File(ExportTable table, string? format, string fileName) => format == "csv"
        ? TypedResults.File(ToCsv(table), "text/csv; charset=utf-8", fileName + ".csv")
        : TypedResults.File(ToXlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx");
}
