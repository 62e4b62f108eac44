using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ThiDua.Features.Awards;

namespace ThiDua.Features.Nominations;

/// <summary>
/// The heading of the report: the Party layout (Hướng dẫn 36-HD/VPTW) for the bloc's Party agencies, the State layout
/// (Nghị định 30/2020/NĐ-CP) otherwise. Details not verified against the full texts are settings here
/// (shared/domain/document-formats.md).
/// </summary>
public sealed record ReportLayout(bool Party = true, string PartyTitle = "ĐẢNG CỘNG SẢN VIỆT NAM", bool StarUnderBody = true, int BodyHalfPoints = 28,
    int MarginTopMm = 20, int MarginBottomMm = 20, int MarginLeftMm = 30, int MarginRightMm = 15, string Place = "Hà Nội");

/// <summary>What the report says: the dossier's text with the names it needs.</summary>
public sealed record ReportData(int Id, NominationSubject Subject, string Code, int Year, string SubjectName, string AgencyName, string? ParentName,
    DateOnly Date, DecreeEdition Edition, string Achievement, string Background, string Measures, string Achievements, string PriorAwards);

/// <summary>Báo cáo thành tích (Mẫu 02 collective / Mẫu 03 individual) as a .docx (Open XML SDK): A4, Times New Roman 14, margins, heading, sections, signatures.</summary>
public static class DossierReport
{
    public static string FileName(int id) => FormattableString.Invariant($"bao-cao-thanh-tich-{id}.docx");

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] Build(ReportData d, ReportLayout? layout = null)
    {
        layout ??= new ReportLayout();
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main, layout);
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Para($"{d.Edition.FormName(d.Subject)}", JustificationValues.Right, italic: true, size: 24));
            body.Append(Heading(d, layout));
            body.Append(Para(" "));
            body.Append(Para("BÁO CÁO THÀNH TÍCH", JustificationValues.Center, bold: true, size: 30));
            body.Append(Para($"ĐỀ NGHỊ TẶNG {AwardRecord.Name(d.Code).ToUpper(Vi)}", JustificationValues.Center, bold: true));
            body.Append(Para(FormattableString.Invariant($"(năm {d.Year})"), JustificationValues.Center, italic: true));
            body.Append(Para(d.Subject == NominationSubject.Person ? $"Họ và tên: {d.SubjectName}" : $"Tên tập thể: {d.SubjectName}", JustificationValues.Center, bold: true));
            if (d.Achievement.Length > 0) body.Append(Para($"Thành tích: {d.Achievement}", JustificationValues.Center, italic: true));
            body.Append(Para(" "));
            var person = d.Subject == NominationSubject.Person;
            body.Append(Para(person ? "I. SƠ LƯỢC LÝ LỊCH" : "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", bold: true));
            AppendText(body, d.Background);
            body.Append(Para("II. THÀNH TÍCH ĐẠT ĐƯỢC", bold: true));
            body.Append(Para(person ? "1. Quyền hạn, nhiệm vụ được giao; biện pháp, giải pháp công tác" : "1. Chức năng, nhiệm vụ được giao; biện pháp, giải pháp công tác", bold: true, italic: true));
            AppendText(body, d.Measures);
            body.Append(Para("2. Thành tích đạt được", bold: true, italic: true));
            AppendText(body, d.Achievements);
            body.Append(Para("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", bold: true));
            AppendText(body, d.PriorAwards);
            body.Append(Para(" "));
            body.Append(Signatures(person));
            body.Append(Para(" "));
            body.Append(Para($"Lập theo {d.Edition.FormName(d.Subject)}; hồ sơ số {d.Id.ToString(CultureInfo.InvariantCulture)} trên ThiDua.", JustificationValues.Left, italic: true, size: 22));
            body.Append(Section(layout));
            main.Document.Save();
        }
        return ms.ToArray();
    }

    /// <summary>"ngày 04 tháng 3 năm 2020".</summary>
    public static string DateWords(DateOnly d) =>
        FormattableString.Invariant($"ngày {d.Day:00} tháng {(d.Month < 3 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture))} năm {d.Year}");

    private static void AppendText(Body body, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.All(string.IsNullOrWhiteSpace))
        {
            body.Append(Para("(chưa nhập)", italic: true));
            return;
        }
        foreach (var l in lines) body.Append(Para(l, JustificationValues.Both));
    }

    private static void AddStyles(MainDocumentPart main, ReportLayout layout)
    {
        var size = layout.BodyHalfPoints.ToString(CultureInfo.InvariantCulture);
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                    new FontSize { Val = size }, new FontSizeComplexScript { Val = size }, new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();
    }

    private static Paragraph Para(string text, JustificationValues? jc = null, bool bold = false, bool italic = false, int? size = null, bool underline = false)
    {
        var pPr = new ParagraphProperties();
        if (jc is { } j) pPr.Append(new Justification { Val = j });
        var rPr = new RunProperties();
        if (bold) rPr.Append(new Bold());
        if (italic) rPr.Append(new Italic());
        if (size is { } s)
        {
            rPr.Append(new FontSize { Val = s.ToString(CultureInfo.InvariantCulture) });
            rPr.Append(new FontSizeComplexScript { Val = s.ToString(CultureInfo.InvariantCulture) });
        }
        if (underline) rPr.Append(new Underline { Val = UnderlineValues.Single });
        var run = new Run();
        if (rPr.HasChildren) run.Append(rPr);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        var p = new Paragraph();
        if (pPr.HasChildren) p.Append(pPr);
        p.Append(run);
        return p;
    }

    private static Table Heading(ReportData d, ReportLayout layout)
    {
        var left = new List<Paragraph>();
        if (d.ParentName is { } parent) left.Add(Para(parent.ToUpper(Vi), JustificationValues.Center, size: 26));
        left.Add(Para(d.AgencyName.ToUpper(Vi), JustificationValues.Center, bold: true, size: 26));
        if (layout.Party && layout.StarUnderBody) left.Add(Para("*", JustificationValues.Center));
        var right = layout.Party
            ? new List<Paragraph> { Para(layout.PartyTitle, JustificationValues.Center, bold: true, size: 30, underline: true) }
            : [Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", JustificationValues.Center, bold: true, size: 26), Para("Độc lập - Tự do - Hạnh phúc", JustificationValues.Center, bold: true, underline: true)];
        right.Add(Para(" "));
        right.Add(Para($"{layout.Place}, {DateWords(d.Date)}", JustificationValues.Center, italic: true));
        return new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, NoBorders(), new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = "4200" }, new GridColumn { Width = "5100" }),
            new TableRow(Cell(left, 4200), Cell(right, 5100)));
    }

    private static Table Signatures(bool person)
    {
        var left = new List<Paragraph> { Para("XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", JustificationValues.Center, bold: true), Para("(ký, đóng dấu)", JustificationValues.Center, italic: true) };
        var right = new List<Paragraph>
        {
            Para(person ? "NGƯỜI BÁO CÁO THÀNH TÍCH" : "THỦ TRƯỞNG ĐƠN VỊ", JustificationValues.Center, bold: true),
            Para(person ? "(ký, ghi rõ họ và tên)" : "(ký, đóng dấu)", JustificationValues.Center, italic: true),
        };
        if (person) right.AddRange([Para(" "), Para(" "), Para("THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN", JustificationValues.Center, bold: true), Para("(ký, đóng dấu)", JustificationValues.Center, italic: true)]);
        return new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, NoBorders(), new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = "4650" }, new GridColumn { Width = "4650" }),
            new TableRow(Cell(left, 4650), Cell(right, 4650)));
    }

    private static TableBorders NoBorders() => new(
        new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil }, new BottomBorder { Val = BorderValues.Nil },
        new RightBorder { Val = BorderValues.Nil }, new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil });

    private static TableCell Cell(IEnumerable<Paragraph> content, int width)
    {
        var c = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        c.Append(content);
        if (!c.Elements<Paragraph>().Any()) c.Append(new Paragraph());
        return c;
    }

    private static uint Twips(int mm) => (uint)Math.Round(mm * 1440 / 25.4);

    private static SectionProperties Section(ReportLayout l) => new(
        new PageSize { Width = 11906, Height = 16838, Orient = PageOrientationValues.Portrait },
        new PageMargin { Top = (int)Twips(l.MarginTopMm), Bottom = (int)Twips(l.MarginBottomMm), Left = Twips(l.MarginLeftMm), Right = Twips(l.MarginRightMm), Header = 567, Footer = 567, Gutter = 0 });
}
