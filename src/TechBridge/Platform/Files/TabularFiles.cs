using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace TechBridge.Platform.Files;

// What an uploaded table may hold. Rows counts the rows with content below the header; the reader also stops after
// scanning ScannedRowsFactor × Rows rows of any kind, so a sheet of millions of empty rows ends early.
internal sealed record TabularLimits(int Rows, int Columns = 50, int CellLength = 10_000, long UncompressedBytes = 50L * 1024 * 1024, int ScannedRowsFactor = 20)
{
    public long ScannedRows => (long)(Rows + 1) * ScannedRowsFactor;
}

// One row as the spreadsheet numbers it (the header is row 1) and its cells by column.
internal sealed record TabularRow(int Number, string[] Cells);

// Reads CSV (UTF-8) and xlsx alike as a stream of rows, one row in memory at a time, and stops at the limits with a
// 400 on the field "file": an upload of a few kilobytes that unpacks to gigabytes, or that declares millions of rows,
// costs what the limits allow and no more. For xlsx the zip's declared sizes are checked before anything is unpacked,
// and each part is read through a counter that stops at its declared size, so a part that lies about its size stops
// too.
internal static class TabularFiles
{
    private const int MaxZipEntries = 1_000;

    // Rows with content, header first; throws InvalidRequestException (file, rule) at a limit or on an unreadable file.
    public static IEnumerable<TabularRow> Read(string fileName, Stream content, TabularLimits limits)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var rows = extension switch
        {
            ".csv" => ReadCsv(content, limits),
            ".xlsx" => ReadXlsx(content, limits),
            _ => throw InvalidRequestException.For("file", "type", "The file is .csv (UTF-8) or .xlsx."),
        };
        return Limit(Guard(rows, extension), limits);
    }

    private static IEnumerable<TabularRow> Guard(IEnumerable<TabularRow> rows, string extension)
    {
        using var enumerator = rows.GetEnumerator();
        while (true)
        {
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception exception) when (exception is InvalidDataException or XmlException or IOException or FormatException or DecoderFallbackException or ArgumentException)
            {
                throw InvalidRequestException.For("file", "unreadable", $"The file could not be read as {extension}: {exception.Message}");
            }

            yield return enumerator.Current;
        }
    }

    private static IEnumerable<TabularRow> Limit(IEnumerable<TabularRow> rows, TabularLimits limits)
    {
        var withContent = 0;
        foreach (var row in rows)
        {
            if (row.Cells.Length > limits.Columns)
            {
                throw Violation("maxColumns", $"At most {limits.Columns} columns.", limits.Columns);
            }

            foreach (var cell in row.Cells)
            {
                if (cell.Length > limits.CellLength)
                {
                    throw Violation("maxCellLength", $"A cell holds at most {limits.CellLength} characters (row {row.Number}).", limits.CellLength);
                }
            }

            // The header and then at most Rows rows.
            if (++withContent > limits.Rows + 1)
            {
                throw Violation("maxRows", $"At most {limits.Rows} rows per import.", limits.Rows);
            }

            yield return row;
        }
    }

    private static InvalidRequestException Violation(string rule, string message, long max) =>
        InvalidRequestException.For("file", rule, message, new Dictionary<string, object> { ["max"] = max });

    private static IEnumerable<TabularRow> ReadCsv(Stream content, TabularLimits limits)
    {
        using var reader = new StreamReader(content, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var number = 0;
        foreach (var cells in Csv.Read(reader, limits.CellLength + 1, limits.Columns + 1))
        {
            if (++number > limits.ScannedRows)
            {
                throw Violation("maxRows", $"At most {limits.Rows} rows per import.", limits.Rows);
            }

            if (cells.Any(c => c.Length > 0))
            {
                yield return new TabularRow(number, cells);
            }
        }
    }

    private static IEnumerable<TabularRow> ReadXlsx(Stream content, TabularLimits limits)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        CheckDeclaredSizes(zip, limits);
        var sheetPath = FirstSheetPath(zip, limits);
        var shared = SharedStrings(zip, limits);
        var sheet = zip.GetEntry(sheetPath) ?? throw InvalidRequestException.For("file", "unreadable", "The workbook has no worksheet.");
        using var stream = Open(sheet, limits);
        using var xml = XmlReader.Create(stream, Settings);
        long scanned = 0;
        var previous = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                continue;
            }

            if (++scanned > limits.ScannedRows)
            {
                throw Violation("maxRows", $"At most {limits.Rows} rows per import.", limits.Rows);
            }

            var number = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : previous + 1;
            previous = number;
            if (xml.IsEmptyElement)
            {
                continue;
            }

            var cells = ReadRow(xml, shared, limits);
            if (cells.Any(c => c.Length > 0))
            {
                yield return new TabularRow(number, cells);
            }
        }
    }

    // The cells of one <row> (the reader is on its start); columns beyond the limit stop the read.
    private static string[] ReadRow(XmlReader xml, IReadOnlyList<string> shared, TabularLimits limits)
    {
        var cells = new List<string>();
        var depth = xml.Depth;
        var next = 0;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
            {
                continue;
            }

            var column = ColumnOf(xml.GetAttribute("r")) ?? next;
            next = column + 1;
            var type = xml.GetAttribute("t");
            var value = xml.IsEmptyElement ? "" : CellValue(xml, type, shared, limits);
            if (value.Length == 0)
            {
                continue;
            }

            if (column >= limits.Columns)
            {
                throw Violation("maxColumns", $"At most {limits.Columns} columns.", limits.Columns);
            }

            while (cells.Count <= column)
            {
                cells.Add("");
            }

            cells[column] = value;
        }

        return [.. cells];
    }

    private static string CellValue(XmlReader xml, string? type, IReadOnlyList<string> shared, TabularLimits limits)
    {
        var depth = xml.Depth;
        var text = new StringBuilder();
        var inValue = false;
        var moved = false;
        while (moved || xml.Read())
        {
            moved = false;
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
            {
                break;
            }

            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.LocalName is "rPh" or "f":
                    xml.Skip(); // phonetic hints and formulas are not the cell's value; Skip stands on the next node
                    moved = true;
                    break;
                case XmlNodeType.Element when xml.LocalName is "v" or "t":
                    inValue = !xml.IsEmptyElement;
                    break;
                case XmlNodeType.EndElement when xml.LocalName is "v" or "t":
                    inValue = false;
                    break;
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA when inValue:
                    text.Append(xml.Value);
                    if (text.Length > limits.CellLength)
                    {
                        throw Violation("maxCellLength", $"A cell holds at most {limits.CellLength} characters.", limits.CellLength);
                    }

                    break;
            }
        }

        return Resolve(text.ToString(), type, shared);
    }

    private static string Resolve(string raw, string? type, IReadOnlyList<string> shared)
    {
        return type switch
        {
            "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count
                ? shared[index]
                : throw new InvalidDataException($"Shared string {raw} does not exist."),
            "b" => raw == "1" ? "TRUE" : "FALSE",
            _ => raw,
        };
    }

    // "AB12" → 27 (zero-based column of AB).
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
                if (++letters > 3)
                {
                    return null;
                }
            }
            else
            {
                break;
            }
        }

        return letters == 0 ? null : column - 1;
    }

    private static void CheckDeclaredSizes(ZipArchive zip, TabularLimits limits)
    {
        if (zip.Entries.Count > MaxZipEntries)
        {
            throw InvalidRequestException.For("file", "unreadable", $"The workbook has {zip.Entries.Count} parts; a worksheet export has a few dozen.");
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.Length < 0 || total > limits.UncompressedBytes)
            {
                throw Violation("maxUncompressedSize", $"The file unpacks to more than {limits.UncompressedBytes / (1024 * 1024)} MB.", limits.UncompressedBytes / (1024 * 1024));
            }
        }
    }

    // The part is read through a counter: more bytes than it declared (a forged header) is refused like a part too big.
    private static CountingStream Open(ZipArchiveEntry entry, TabularLimits limits) =>
        new CountingStream(entry.Open(), Math.Min(entry.Length, limits.UncompressedBytes), limits);

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private static string FirstSheetPath(ZipArchive zip, TabularLimits limits)
    {
        const string Fallback = "xl/worksheets/sheet1.xml";
        var workbook = zip.GetEntry("xl/workbook.xml");
        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (workbook is null || rels is null)
        {
            return Fallback;
        }

        string? id = null;
        using (var xml = XmlReader.Create(Open(workbook, limits), Settings))
        {
            while (id is null && xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                {
                    id = xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                }
            }
        }

        using (var xml = XmlReader.Create(Open(rels, limits), Settings))
        {
            while (id is not null && xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") == id && xml.GetAttribute("Target") is { } target)
                {
                    return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }

        return Fallback;
    }

    // The shared-string table (bounded by the unpacked-size limit, each string by the cell limit).
    private static List<string> SharedStrings(ZipArchive zip, TabularLimits limits)
    {
        var strings = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } entry)
        {
            return strings;
        }

        using var xml = XmlReader.Create(Open(entry, limits), Settings);
        StringBuilder? current = null;
        var moved = false;
        while (moved || xml.Read())
        {
            moved = false;
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.LocalName == "si":
                    current = new StringBuilder();
                    if (xml.IsEmptyElement)
                    {
                        strings.Add("");
                        current = null;
                    }

                    break;
                case XmlNodeType.Element when xml.LocalName is "rPh":
                    xml.Skip(); // phonetic hints are not part of the text; Skip stands on the next node
                    moved = true;
                    break;
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA when current is not null:
                    current.Append(xml.Value);
                    if (current.Length > limits.CellLength)
                    {
                        throw Violation("maxCellLength", $"A cell holds at most {limits.CellLength} characters.", limits.CellLength);
                    }

                    break;
                case XmlNodeType.EndElement when xml.LocalName == "si" && current is not null:
                    strings.Add(current.ToString());
                    current = null;
                    break;
            }
        }

        return strings;
    }

    private sealed class CountingStream(Stream inner, long max, TabularLimits limits) : Stream
    {
        private long read;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            read += n;
            if (read > max)
            {
                throw Violation("maxUncompressedSize", "A part of the file unpacks to more than it declares or than allowed.", limits.UncompressedBytes / (1024 * 1024));
            }

            return n;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
