using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace ThiDua.Infrastructure;

/// <summary>How a column is written: plain text, a code kept as text (format "@", so leading zeros stay), a date, or a number.</summary>
public enum XlsxColumnKind { Text, Code, Date, Number }

public sealed record XlsxColumn(string Header, XlsxColumnKind Kind = XlsxColumnKind.Text, double Width = 18);

/// <summary>One sheet: its columns and its rows (values in column order), enumerated once while writing.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxColumn> Columns, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>Text written to a spreadsheet so that it can never become a formula.</summary>
public static class SpreadsheetText
{
    /// <summary>
    /// A cell that starts with = + - @ (or a tab or carriage return) is prefixed with a single quote, as OWASP advises
    /// against formula injection. Cells of an .xlsx are never formulas as written, but an officer who edits such a cell,
    /// or saves the sheet as CSV and opens it again, would turn "=HYPERLINK(…)" typed by someone else into a live
    /// formula. The quote is visible, survives an edit and a CSV save, and the people import removes it again, so an
    /// export still re-imports unchanged.
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && IsFormulaStart(text[0]) ? "'" + text : text;

    /// <summary>Undoes <see cref="Neutralise"/> for text read back from one of our sheets.</summary>
    public static string Restore(string text) =>
        text.Length > 1 && text[0] == '\'' && IsFormulaStart(text[1]) ? text[1..] : text;

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}

/// <summary>
/// Writes an .xlsx as a stream of rows (nothing is buffered beyond the zip's deflate window): text as inline strings,
/// neutralised against formulas; code columns formatted as Text ("@") for the cells written and the cells an officer
/// types later; dates as real dates formatted dd/mm/yyyy. Used where the format matters (the people template and
/// export); MiniExcel gives no control over column formats.
/// </summary>
public static class XlsxWriter
{
    private const int TextStyle = 1, DateStyle = 2, HeaderStyle = 3;
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static void Write(Stream output, IReadOnlyList<XlsxSheet> sheets)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", w =>
        {
            w.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
            Default(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(w, "xml", "application/xml");
            Override(w, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(w, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (var i = 1; i <= sheets.Count; i++) Override(w, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            w.WriteEndElement();
        });
        Part(zip, "_rels/.rels", w =>
        {
            w.WriteStartElement("Relationships", "http://schemas.openxmlformats.org/package/2006/relationships");
            Relationship(w, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
            w.WriteEndElement();
        });
        Part(zip, "xl/workbook.xml", w =>
        {
            w.WriteStartElement("workbook", Main);
            w.WriteAttributeString("xmlns", "r", null, RelNs);
            w.WriteStartElement("sheets", Main);
            for (var i = 0; i < sheets.Count; i++)
            {
                w.WriteStartElement("sheet", Main);
                w.WriteAttributeString("name", sheets[i].Name);
                w.WriteAttributeString("sheetId", Invariant(i + 1));
                w.WriteAttributeString("id", RelNs, $"rId{i + 1}");
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        });
        Part(zip, "xl/_rels/workbook.xml.rels", w =>
        {
            w.WriteStartElement("Relationships", "http://schemas.openxmlformats.org/package/2006/relationships");
            for (var i = 1; i <= sheets.Count; i++)
                Relationship(w, $"rId{i}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{i}.xml");
            Relationship(w, $"rId{sheets.Count + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml");
            w.WriteEndElement();
        });
        Part(zip, "xl/styles.xml", w => w.WriteRaw(Styles));
        for (var i = 0; i < sheets.Count; i++) Part(zip, $"xl/worksheets/sheet{i + 1}.xml", w => Sheet(w, sheets[i]));
    }

    // Cell formats: 0 default, 1 Text ("@", built-in 49), 2 dd/mm/yyyy (custom 164), 3 bold header.
    private const string Styles =
        "<styleSheet xmlns=\"" + Main + "\">" +
        "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>" +
        "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>" +
        "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>" +
        "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>" +
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>" +
        "<cellXfs count=\"4\">" +
        "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>" +
        "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>" +
        "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>" +
        "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>" +
        "</cellXfs>" +
        "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>" +
        "</styleSheet>";

    private static void Sheet(XmlWriter w, XlsxSheet sheet)
    {
        w.WriteStartElement("worksheet", Main);
        w.WriteStartElement("cols", Main);
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            var col = sheet.Columns[c];
            w.WriteStartElement("col", Main);
            w.WriteAttributeString("min", Invariant(c + 1));
            w.WriteAttributeString("max", Invariant(c + 1));
            w.WriteAttributeString("width", col.Width.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("customWidth", "1");
            // The column's own format applies to the cells an officer types later: a code typed as 001… stays text.
            if (col.Kind == XlsxColumnKind.Code) w.WriteAttributeString("style", Invariant(TextStyle));
            if (col.Kind == XlsxColumnKind.Date) w.WriteAttributeString("style", Invariant(DateStyle));
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteStartElement("sheetData", Main);
        var row = 1;
        WriteRow(w, row, sheet.Columns.Select(c => (object?)c.Header).ToList(), null);
        foreach (var values in sheet.Rows) WriteRow(w, ++row, values, sheet.Columns);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteRow(XmlWriter w, int row, IReadOnlyList<object?> values, IReadOnlyList<XlsxColumn>? columns)
    {
        w.WriteStartElement("row", Main);
        w.WriteAttributeString("r", Invariant(row));
        for (var c = 0; c < values.Count; c++)
        {
            if (values[c] is not { } value) continue;
            var kind = columns is null || c >= columns.Count ? XlsxColumnKind.Text : columns[c].Kind;
            w.WriteStartElement("c", Main);
            w.WriteAttributeString("r", XlsxReader.ColumnName(c + 1) + Invariant(row));
            switch (value)
            {
                case DateOnly d: Number(w, d.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle); break;
                case DateTime d: Number(w, d.ToOADate(), DateStyle); break;
                case int or long or short or double or decimal or float when kind != XlsxColumnKind.Code:
                    Number(w, Convert.ToDouble(value, CultureInfo.InvariantCulture), 0); break;
                default:
                    var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                    if (columns is null) w.WriteAttributeString("s", Invariant(HeaderStyle));
                    else if (kind == XlsxColumnKind.Code) w.WriteAttributeString("s", Invariant(TextStyle));
                    w.WriteAttributeString("t", "inlineStr");
                    w.WriteStartElement("is", Main);
                    w.WriteStartElement("t", Main);
                    w.WriteAttributeString("xml", "space", null, "preserve");
                    w.WriteString(XmlSafe(SpreadsheetText.Neutralise(text)));
                    w.WriteEndElement();
                    w.WriteEndElement();
                    break;
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Number(XmlWriter w, double value, int style)
    {
        if (style != 0) w.WriteAttributeString("s", Invariant(style));
        w.WriteElementString("v", Main, value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>Characters XML 1.0 cannot carry (control characters from pasted text) are dropped rather than failing the export.</summary>
    private static string XmlSafe(string s) => s.All(XmlConvert.IsXmlChar) ? s : new string(s.Where(XmlConvert.IsXmlChar).ToArray());

    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Part(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var stream = entry.Open();
        using var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), CloseOutput = false });
        w.WriteStartDocument(true);
        write(w);
    }

    private static void Default(XmlWriter w, string ext, string type)
    {
        w.WriteStartElement("Default", "http://schemas.openxmlformats.org/package/2006/content-types");
        w.WriteAttributeString("Extension", ext);
        w.WriteAttributeString("ContentType", type);
        w.WriteEndElement();
    }

    private static void Override(XmlWriter w, string part, string type)
    {
        w.WriteStartElement("Override", "http://schemas.openxmlformats.org/package/2006/content-types");
        w.WriteAttributeString("PartName", part);
        w.WriteAttributeString("ContentType", type);
        w.WriteEndElement();
    }

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship", "http://schemas.openxmlformats.org/package/2006/relationships");
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }
}
