using System.IO.Compression;
using System.Text;

namespace ThiDua.Tests.People;

/// <summary>Workbooks written by hand (zip and XML), so a test can make one no spreadsheet program would.</summary>
internal static class HostileWorkbook
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A one-sheet workbook; <paramref name="writeSheetData"/> writes the rows, <paramref name="writeSharedStrings"/> the &lt;si&gt; items.</summary>
    public static byte[] Build(string sheetName, Action<TextWriter> writeSheetData, Action<TextWriter>? writeSharedStrings = null, string? dimension = null,
        (string Name, long Bytes)? padding = null)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, Action<TextWriter> write)
            {
                using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
                write(w);
            }
            Part("[Content_Types].xml", w => w.Write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"));
            Part("_rels/.rels", w => w.Write("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Part("xl/workbook.xml", w => w.Write($"<workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"{sheetName}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Part("xl/_rels/workbook.xml.rels", w => w.Write("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"));
            if (writeSharedStrings is not null)
                Part("xl/sharedStrings.xml", w => { w.Write($"<sst xmlns=\"{Main}\">"); writeSharedStrings(w); w.Write("</sst>"); });
            Part("xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"<worksheet xmlns=\"{Main}\">");
                if (dimension is not null) w.Write($"<dimension ref=\"{dimension}\"/>");
                w.Write("<sheetData>");
                writeSheetData(w);
                w.Write("</sheetData></worksheet>");
            });
            if (padding is { } pad)
                Part(pad.Name, w => { var block = new string(' ', 1 << 16); for (long n = 0; n < pad.Bytes; n += block.Length) w.Write(block); });
        }
        return ms.ToArray();
    }

    /// <summary>A header row of inline strings.</summary>
    public static void Header(TextWriter w, params string[] headers)
    {
        w.Write("<row r=\"1\">");
        for (var i = 0; i < headers.Length; i++) w.Write($"<c r=\"{(char)('A' + i)}1\" t=\"inlineStr\"><is><t>{headers[i]}</t></is></c>");
        w.Write("</row>");
    }
}
