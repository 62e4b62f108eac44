using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using ThiDua.Infrastructure;

namespace ThiDua.Tests.Infrastructure;

public sealed class WordDocumentTests
{
    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static byte[] Sample(bool party, WordPage? page = null) => WordDocument.Build(body =>
    {
        body.Append(WordDocument.Heading(new WordHeading(party, "Ban Chấp hành Trung ương", ["Ban Tổ chức Trung ương"], party ? "12-QĐ/BTCTW" : "12/QĐ-BNV",
            $"Hà Nội, {WordDocument.DateWords(new DateOnly(2020, 3, 4))}")));
        body.Append(WordDocument.Blank());
        var table = WordDocument.GridTable([600, 8700]);
        table.Append(WordDocument.HeaderRow(["STT", "Tên"], [600, 8700], 24));
        table.Append(new TableRow(WordDocument.Cell([WordDocument.Para("1")], 600), WordDocument.Cell([], 8700)));
        body.Append(table);
        body.Append(WordDocument.Signatures(WordDocument.Signer("THƯ KÝ", "(ký, ghi rõ họ tên)", name: "Trần Thị B"), WordDocument.Signer("CHỦ TRÌ", "(ký, ghi rõ họ tên)", name: "Nguyễn Văn A")));
    }, page);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Build_PartyOrStateHeadingTablesAndSignatures_PassesTheOpenXmlValidator(bool party)
    {
        using var doc = Open(Sample(party));
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Build_DefaultPage_IsA4PortraitWithMargins20_20_30_15Millimetres()
    {
        using var doc = Open(Sample(true));
        var sect = doc.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Single();
        var size = sect.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u, PageOrientationValues.Portrait), (size.Width!.Value, size.Height!.Value, size.Orient!.Value));
        var m = sect.GetFirstChild<PageMargin>()!;
        Assert.Equal((1134, 1134, 1701u, 850u), (m.Top!.Value, m.Bottom!.Value, m.Left!.Value, m.Right!.Value));
        Assert.Same(sect, doc.MainDocumentPart.Document.Body.LastChild);
    }

    [Fact]
    public void Build_OtherPage_TakesItsMarginsAndBodySize()
    {
        using var doc = Open(Sample(true, new WordPage(BodyHalfPoints: 26, MarginTopMm: 25, MarginLeftMm: 35)));
        var m = doc.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<PageMargin>()!;
        Assert.Equal((WordDocument.Twips(25), WordDocument.Twips(35)), ((uint)m.Top!.Value, m.Left!.Value));
        Assert.Equal("26", doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.FontSize!.Val!.Value);
    }

    [Fact]
    public void Build_Styles_TimesNewRoman14VietnameseForAllScripts()
    {
        using var doc = Open(Sample(true));
        var run = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        var f = run.RunFonts!;
        Assert.All(new[] { f.Ascii, f.HighAnsi, f.ComplexScript, f.EastAsia }, v => Assert.Equal("Times New Roman", v!.Value));
        Assert.Equal(("28", "28", "vi-VN"), (run.FontSize!.Val!.Value, run.FontSizeComplexScript!.Val!.Value, run.Languages!.Val!.Value));
    }

    [Fact]
    public void Heading_Party_PartyTitleStarAndNumberWithoutColon()
    {
        using var doc = Open(Sample(true));
        var heading = doc.MainDocumentPart!.Document!.Body!.Elements<Table>().First();
        var left = heading.Descendants<TableCell>().First().Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(["BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TỔ CHỨC TRUNG ƯƠNG", "*", "Số 12-QĐ/BTCTW"], left);
        var text = heading.InnerText;
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
        Assert.DoesNotContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Hà Nội, ngày 04 tháng 3 năm 2020", text);
    }

    [Fact]
    public void Heading_State_TitleMottoNoStarAndNumberWithColon()
    {
        using var doc = Open(Sample(false));
        var heading = doc.MainDocumentPart!.Document!.Body!.Elements<Table>().First();
        var left = heading.Descendants<TableCell>().First().Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(["BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TỔ CHỨC TRUNG ƯƠNG", "Số: 12/QĐ-BNV"], left);
        var right = heading.Descendants<TableCell>().Last().Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", " ", "Hà Nội, ngày 04 tháng 3 năm 2020"], right);
        Assert.DoesNotContain("ĐẢNG CỘNG SẢN", heading.InnerText);
    }

    [Theory]
    [InlineData(2020, 3, 4, "ngày 04 tháng 3 năm 2020")]
    [InlineData(2020, 1, 15, "ngày 15 tháng 01 năm 2020")]
    [InlineData(2021, 2, 1, "ngày 01 tháng 02 năm 2021")]
    [InlineData(2021, 12, 31, "ngày 31 tháng 12 năm 2021")]
    public void DateWords_MonthsJanuaryAndFebruary_TakeALeadingZero(int y, int m, int d, string expected) =>
        Assert.Equal(expected, WordDocument.DateWords(new DateOnly(y, m, d)));

    [Fact]
    public void Cell_NoContent_HoldsAnEmptyParagraph() =>
        Assert.Single(WordDocument.Cell([], 1000).Elements<Paragraph>());
}
