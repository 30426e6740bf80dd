using System.IO.Compression;
using System.Text;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Files;
using TechBridge.Platform.Input;

namespace TechBridge.Tests.Hardening;

// The rules every field shares, and the streaming table reader's limits, without a host.
public sealed class InputRulesTests
{
    [Theory]
    [InlineData("普通文字 plain\ttab", false, null)]
    [InlineData("a\u0000b", false, "controlCharacter")]
    [InlineData("bell\u0007", true, "controlCharacter")]
    [InlineData("esc\u001b[31m", true, "controlCharacter")]
    [InlineData("del\u007f", true, "controlCharacter")]
    [InlineData("c1\u0085", true, "controlCharacter")]
    [InlineData("abc\u202Edef", true, "controlCharacter")]
    [InlineData("iso\u2067late", true, "controlCharacter")]
    [InlineData("\uFEFFbom", true, "controlCharacter")]
    [InlineData("emoji 😀 pair", false, null)]
    [InlineData("line\nbreak", false, "lineBreak")]
    [InlineData("line\r\nbreak", true, null)]
    public void TextRule_RefusesInvisibleAndControlCharacters_AndLineBreaksOutsideMultiLineFields(string text, bool multiLine, string? rule)
    {
        var violation = TextRule.Check("title", text, multiLine);

        Assert.Equal(rule, violation?.Rule);
        Assert.True(violation is null || violation.Field == "title");
    }

    [Fact]
    public void TextRule_RefusesALoneSurrogate()
    {
        var lone = "lone " + (char)0xD800 + " surrogate";

        Assert.Equal("controlCharacter", TextRule.Check("title", lone, multiLine: true)?.Rule);
    }

    [Theory]
    [InlineData("description", true)]
    [InlineData("milestones[2].reason", true)]
    [InlineData("title", false)]
    [InlineData("legalName", false)]
    public void ProseNames_AreMultiLine_WithoutAnAttribute(string field, bool multiLine) => Assert.Equal(multiLine, TextRule.IsProseName(field));

    [Theory]
    [InlineData("$.milestones[2].amountFen", "milestones[2].amountFen")]
    [InlineData("$['odd name']", "odd name")]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    public void JsonPaths_BecomeTheApisFieldNames(string? path, string field) => Assert.Equal(field, BindingProblems.FieldOf(path));

    [Fact]
    public void Paging_RefusesPagesBeyondTheCap_AndSkipsWithoutOverflow()
    {
        var validation = new Validation();

        TechBridge.Platform.Input.Paging.Check(validation, int.MaxValue, 50, 20, 100);

        Assert.False(validation.IsValid);
        Assert.Equal(int.MaxValue, TechBridge.Platform.Input.Paging.Skip(int.MaxValue, 100));
    }

    [Fact]
    public void Csv_MoreRowsThanAllowed_StopsWithMaxRows()
    {
        var csv = "title,abstract\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"t{i},a{i}\n"));

        var error = Assert.Throws<InvalidRequestException>(() => TabularFiles.Read("x.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), new TabularLimits(Rows: 10)).ToList());

        Assert.Equal(("file", "maxRows"), (error.Violations[0].Field, error.Violations[0].Rule));
    }

    [Fact]
    public void Csv_CellLongerThanAllowed_StopsWithMaxCellLength()
    {
        var csv = "title\n" + new string('长', 200) + "\n";

        var error = Assert.Throws<InvalidRequestException>(() => TabularFiles.Read("x.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), new TabularLimits(Rows: 10, CellLength: 100)).ToList());

        Assert.Equal("maxCellLength", error.Violations[0].Rule);
    }

    [Fact]
    public void Xlsx_SharedAndInlineStrings_AreRead_WithRowNumbersAsTheSheetShowsThem()
    {
        using var file = Workbook(
            """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>摘要</t></is></c></row><row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3"><f>1+1</f><v>2</v></c></row>""",
            ["标题", "铝合金焊接"]);

        var rows = TabularFiles.Read("x.xlsx", file, new TabularLimits(Rows: 10)).ToList();

        Assert.Equal([1, 3], rows.Select(r => r.Number));
        Assert.Equal(["标题", "摘要"], rows[0].Cells);
        Assert.Equal(["铝合金焊接", "", "2"], rows[1].Cells);
    }

    [Fact]
    public void Xlsx_MillionEmptyRows_StopAfterScanningTwentyTimesTheRowLimit_WithoutReadingTheRest()
    {
        var rows = new StringBuilder("""<row r="1"><c r="A1" t="inlineStr"><is><t>title</t></is></c></row>""");
        rows.Insert(rows.Length, "<row/>", 1_000_000);
        using var file = Workbook(rows.ToString(), []);

        var error = Assert.Throws<InvalidRequestException>(() => TabularFiles.Read("x.xlsx", file, new TabularLimits(Rows: 100, UncompressedBytes: 1L << 30)).ToList());

        Assert.Equal("maxRows", error.Violations[0].Rule);
    }

    [Fact]
    public void Xlsx_UnpackingBeyondTheLimit_IsRefusedFromTheDeclaredSizes()
    {
        var rows = new StringBuilder();
        rows.Insert(0, "<row/>", 200_000);
        using var file = Workbook(rows.ToString(), []);

        var error = Assert.Throws<InvalidRequestException>(() => TabularFiles.Read("x.xlsx", file, new TabularLimits(Rows: 100, UncompressedBytes: 1024 * 1024)).ToList());

        Assert.Equal("maxUncompressedSize", error.Violations[0].Rule);
    }

    [Fact]
    public void Xlsx_CellBeyondTheColumnLimit_IsRefused()
    {
        using var file = Workbook("""<row r="1"><c r="ZZ1" t="inlineStr"><is><t>x</t></is></c></row>""", []);

        var error = Assert.Throws<InvalidRequestException>(() => TabularFiles.Read("x.xlsx", file, new TabularLimits(Rows: 10)).ToList());

        Assert.Equal("maxColumns", error.Violations[0].Rule);
    }

    [Fact]
    public void Xlsx_NotAZip_IsUnreadable()
    {
        var error = Assert.Throws<InvalidRequestException>(() => TabularFiles.Read("x.xlsx", new MemoryStream("not a workbook"u8.ToArray()), new TabularLimits(Rows: 10)).ToList());

        Assert.Equal("unreadable", error.Violations[0].Rule);
    }

    // A minimal workbook: one sheet with the given rows, and the given shared strings.
    internal static MemoryStream Workbook(string rows, string[] shared)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");
            Write(zip, "xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Write(zip, "xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            if (shared.Length > 0)
            {
                Write(zip, "xl/sharedStrings.xml", $"""<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{string.Concat(shared.Select(s => $"<si><t>{s}</t></si>"))}</sst>""");
            }

            Write(zip, "xl/worksheets/sheet1.xml", $"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>""");
        }

        stream.Position = 0;
        return stream;
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
