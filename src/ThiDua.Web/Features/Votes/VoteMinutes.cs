using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Votes;

/// <summary>
/// The Party layout's heading (Hướng dẫn 36-HD/VPTW, see shared/domain/document-formats.md): details not verified
/// against the full text are settings here, not constants in the code that writes the document.
/// </summary>
public sealed record MinutesLayout(string TopTitle = "ĐẢNG CỘNG SẢN VIỆT NAM", bool StarUnderBody = true, int BodyHalfPoints = 28,
    int MarginTopMm = 20, int MarginBottomMm = 20, int MarginLeftMm = 30, int MarginRightMm = 15);

/// <summary>What the minutes say: the session, its count, and the vote-counting board who sign.</summary>
public sealed record MinutesData(string BlocName, string Title, int Year, DateOnly MeetingDate, string Place, IReadOnlyList<string> CountingBoard, SessionTally Tally);

/// <summary>Biên bản kiểm phiếu as a .docx (Open XML SDK): A4, Times New Roman, the Party heading, the count per question, the results, the board's signatures.</summary>
public static class VoteMinutes
{
    public static string FileName(int sessionId, int year) => FormattableString.Invariant($"bien-ban-kiem-phieu-{year}-{sessionId}.docx");

    public static byte[] Build(MinutesData m, MinutesLayout? layout = null)
    {
        layout ??= new MinutesLayout();
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main, layout);
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Heading(m, layout));
            body.Append(Para(" "));
            body.Append(Para("BIÊN BẢN KIỂM PHIẾU", JustificationValues.Center, bold: true, size: 30));
            body.Append(Para(m.Title, JustificationValues.Center, bold: true));
            body.Append(Para(FormattableString.Invariant($"(bình xét thi đua, khen thưởng năm {m.Year})"), JustificationValues.Center, italic: true));
            body.Append(Para(" "));
            var t = m.Tally;
            body.Append(Para($"Hôm nay, {DateWords(m.MeetingDate)}, tại {m.Place}, Ban kiểm phiếu của hội nghị tổng kết {m.BlocName} đã kiểm phiếu bầu kín suy tôn đơn vị dẫn đầu để đề nghị khen thưởng. Kết quả như sau:", JustificationValues.Both));
            body.Append(Para("1. Tổng hợp phiếu", bold: true));
            body.Append(Para($"- Số phiếu phát ra (số đại biểu được triệu tập): {VnFormat.Number(t.Issued)};"));
            body.Append(Para($"- Số phiếu thu vào (số đại biểu có mặt bỏ phiếu): {VnFormat.Number(t.Cast)};"));
            body.Append(Para($"- Số phiếu hỏng ghi từ phiếu giấy: {VnFormat.Number(t.Spoiled)}."));
            var n = 2;
            foreach (var q in t.Questions)
            {
                body.Append(Para($"{n++}. {VoteService.AwardName(q.AwardCode)} ({q.AwardCode}) — {VnFormat.Number(q.Places)} suất", bold: true));
                body.Append(Para($"- Túc số: trên {Pct(q.QuorumPercent)} số đại biểu được triệu tập: {(q.QuorumMet ? "đạt" : "không đạt")}; ngưỡng trúng: trên {Pct(q.ThresholdPercent)} {(q.ThresholdOf == ThresholdBase.Present ? "số đại biểu có mặt" : "số phiếu hợp lệ")}.", JustificationValues.Both));
                body.Append(Para($"- Căn cứ: {q.LegalBasis}", JustificationValues.Both, italic: true));
                body.Append(Para($"- Số phiếu hợp lệ: {VnFormat.Number(q.Valid)}; số phiếu không hợp lệ: {VnFormat.Number(q.Invalid)}."));
                body.Append(CountTable(q));
                var elected = q.Elected.ToList();
                body.Append(Para(elected.Count == 0
                    ? "Kết quả: không đơn vị nào đạt ngưỡng trúng."
                    : $"Kết quả: hội nghị đề nghị tặng {VoteService.AwardName(q.AwardCode)} cho {elected.Count} đơn vị: {string.Join("; ", elected.Select(c => $"{c.Unit} ({VnFormat.Number(c.Votes)}/{VnFormat.Number(t.Cast)} phiếu)"))}.", JustificationValues.Both, bold: true));
                if (q.Note is { } note) body.Append(Para(note, JustificationValues.Both, italic: true));
            }
            body.Append(Para("Biên bản kiểm phiếu được lập thành 02 bản, Ban kiểm phiếu cùng ký dưới đây.", JustificationValues.Both));
            body.Append(Para(" "));
            body.Append(Signatures(m.CountingBoard));
            body.Append(Section(layout));
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private static string Pct(decimal p) => p.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') + "%";

    /// <summary>"ngày 04 tháng 3 năm 2020": the day with two digits, the month without a leading zero for 3–12 (as documents write it).</summary>
    public static string DateWords(DateOnly d) =>
        FormattableString.Invariant($"ngày {d.Day:00} tháng {(d.Month < 3 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture))} năm {d.Year}");

    private static void AddStyles(MainDocumentPart main, MinutesLayout layout)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                    new FontSize { Val = layout.BodyHalfPoints.ToString(CultureInfo.InvariantCulture) },
                    new FontSizeComplexScript { Val = layout.BodyHalfPoints.ToString(CultureInfo.InvariantCulture) },
                    new Languages { Val = "vi-VN" })),
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

    private static Table Heading(MinutesData m, MinutesLayout layout)
    {
        var left = new List<Paragraph>
        {
            Para(m.BlocName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), JustificationValues.Center, bold: true, size: 26),
            Para("BAN KIỂM PHIẾU", JustificationValues.Center, bold: true, size: 26),
        };
        if (layout.StarUnderBody) left.Add(Para("*", JustificationValues.Center));
        var right = new List<Paragraph>
        {
            Para(layout.TopTitle, JustificationValues.Center, bold: true, size: 30, underline: true),
            Para(" "),
            Para($"{m.Place}, {DateWords(m.MeetingDate)}", JustificationValues.Center, italic: true),
        };
        return new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, NoBorders(), new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = "4200" }, new GridColumn { Width = "5100" }),
            new TableRow(Cell(left, 4200), Cell(right, 5100)));
    }

    private static TableBorders NoBorders() => new(
        new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil }, new BottomBorder { Val = BorderValues.Nil },
        new RightBorder { Val = BorderValues.Nil }, new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil });

    private static TableBorders Lines() => new(
        new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
        new RightBorder { Val = BorderValues.Single, Size = 4 }, new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });

    private static TableCell Cell(IEnumerable<Paragraph> content, int width)
    {
        var c = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        c.Append(content);
        if (!c.Elements<Paragraph>().Any()) c.Append(new Paragraph());
        return c;
    }

    private static readonly int[] CountWidths = [600, 3500, 1100, 1400, 1400, 1300];

    private static Table CountTable(QuestionTally q)
    {
        var table = new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, Lines(), new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(CountWidths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        string[] head = ["STT", "Đơn vị được giới thiệu", "Số phiếu", "Tỷ lệ / phiếu hợp lệ", "Tỷ lệ / đại biểu có mặt", "Kết quả"];
        var headerRow = new TableRow(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < head.Length; i++) headerRow.Append(Cell([Para(head[i], JustificationValues.Center, bold: true, size: 26)], CountWidths[i]));
        table.Append(headerRow);
        var n = 1;
        foreach (var c in q.Candidates)
        {
            string[] cells = [n++.ToString(CultureInfo.InvariantCulture), c.Unit, VnFormat.Number(c.Votes), VnFormat.Percent(c.ShareOfValid), VnFormat.Percent(c.ShareOfPresent), c.Elected ? "Trúng" : "Không trúng"];
            var row = new TableRow();
            for (var i = 0; i < cells.Length; i++) row.Append(Cell([Para(cells[i], i == 1 ? JustificationValues.Left : JustificationValues.Center, bold: i == 5 && c.Elected, size: 26)], CountWidths[i]));
            table.Append(row);
        }
        return table;
    }

    private static Table Signatures(IReadOnlyList<string> board)
    {
        var head = board.Count > 0 ? board[0] : "";
        var members = board.Skip(1).ToList();
        var left = new List<Paragraph> { Para("CÁC THÀNH VIÊN BAN KIỂM PHIẾU", JustificationValues.Center, bold: true), Para("(ký, ghi rõ họ tên)", JustificationValues.Center, italic: true), Para(" "), Para(" ") };
        left.AddRange(members.Select(x => Para(x, JustificationValues.Center)));
        var right = new List<Paragraph> { Para("TRƯỞNG BAN KIỂM PHIẾU", JustificationValues.Center, bold: true), Para("(ký, ghi rõ họ tên)", JustificationValues.Center, italic: true), Para(" "), Para(" "), Para(head, JustificationValues.Center, bold: true) };
        return new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, NoBorders(), new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = "4650" }, new GridColumn { Width = "4650" }),
            new TableRow(Cell(left, 4650), Cell(right, 4650)));
    }

    private static uint Twips(int mm) => (uint)Math.Round(mm * 1440 / 25.4);

    private static SectionProperties Section(MinutesLayout l) => new(
        new PageSize { Width = 11906, Height = 16838, Orient = PageOrientationValues.Portrait },
        new PageMargin { Top = (int)Twips(l.MarginTopMm), Bottom = (int)Twips(l.MarginBottomMm), Left = Twips(l.MarginLeftMm), Right = Twips(l.MarginRightMm), Header = 567, Footer = 567, Gutter = 0 });
}
