using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ThiDua.Infrastructure;

namespace ThiDua.Tests.Infrastructure;

/// <summary>Attachments are typed by content: a zip passes as DOCX/XLSX only when it is a Word document or a workbook.</summary>
public sealed class DocumentFilesTests
{
    internal static byte[] Docx()
    {
        using var ms = new MemoryStream();
        using (var d = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            d.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body());
        }
        return ms.ToArray();
    }

    internal static byte[] Xlsx()
    {
        using var ms = new MemoryStream();
        using (var x = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            x.AddWorkbookPart().Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        }
        return ms.ToArray();
    }

    internal static byte[] PlainZip()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("chuong-trinh.exe").Open());
            w.Write("MZ not a document");
        }
        return ms.ToArray();
    }

    [Fact]
    public void OfficeExtension_WordAndWorkbook_NamedByTheirMainPart()
    {
        Assert.Equal(".docx", DocumentFiles.OfficeExtension(new MemoryStream(Docx())));
        Assert.Equal(".xlsx", DocumentFiles.OfficeExtension(new MemoryStream(Xlsx())));
        Assert.Equal(DocumentKind.OfficeZip, DocumentFiles.Sniff(Docx()));
    }

    [Fact]
    public void OfficeExtension_OtherZipOrBrokenZip_IsNull()
    {
        var plain = PlainZip();
        Assert.Equal(DocumentKind.OfficeZip, DocumentFiles.Sniff(plain)); // the first bytes alone would let it through
        Assert.Null(DocumentFiles.OfficeExtension(new MemoryStream(plain)));
        var broken = Docx()[..40];
        Assert.Null(DocumentFiles.OfficeExtension(new MemoryStream(broken)));
    }
}
