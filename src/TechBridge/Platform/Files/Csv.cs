using System.Text;

namespace TechBridge.Platform.Files;

// RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Enough for reference data and exports.
internal static class Csv
{
    public static IEnumerable<string[]> Read(TextReader reader) => Read(reader, int.MaxValue, int.MaxValue);

    // Stops growing a field at maxField characters and a row at maxFields fields (the caller refuses such a row), so
    // that one line of a hostile file cannot fill the memory.
    public static IEnumerable<string[]> Read(TextReader reader, int maxField, int maxFields)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (field.Length < maxField)
                {
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    if (fields.Count < maxFields)
                    {
                        fields.Add(field.ToString());
                    }

                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields.ToArray();
                    fields.Clear();
                    any = false;
                    break;
                default:
                    if (field.Length < maxField)
                    {
                        field.Append(ch);
                    }

                    break;
            }
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // A leading =, +, - or @ would be run as a formula by spreadsheet software.
        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny("\",\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Line(params string?[] values) => string.Join(',', values.Select(Escape)) + "\r\n";
}
