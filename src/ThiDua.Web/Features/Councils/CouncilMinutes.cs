using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Councils;

public sealed record MinutesMember(string FullName, string? Position, CouncilRole Role, bool Present, bool Written);

/// <summary>What the minutes say: the body, the session, attendance, the agenda's results, recusals.</summary>
public sealed record CouncilMinutesData(string BodyName, string CouncilName, DateOnly MeetingDate, string Place, DateTime? OpenedUtc, DateTime? ClosedUtc,
    string QuorumText, IReadOnlyList<MinutesMember> Members, IReadOnlyList<ItemResult> Items);

/// <summary>
/// Biên bản họp Hội đồng TĐKT as a .docx (Open XML SDK): A4, Times New Roman 14, the Party heading (ĐẢNG CỘNG SẢN
/// VIỆT NAM, the body, the council, a star, "Số …-BB/…"), time, place, members present / absent / in writing, the
/// agenda and the result per dossier, recusals, anonymous reasons, signatures (chủ trì, thư ký).
/// </summary>
public static class CouncilMinutes
{
    public static string FileName(CouncilSession s) => FormattableString.Invariant($"bien-ban-hop-hoi-dong-{s.MeetingDate:yyyy-MM-dd}-{s.Id}.docx");

    public static async Task<CouncilMinutesData> DataAsync(AppDbContext db, CouncilService councils, int sessionId, CancellationToken ct)
    {
        var s = await db.CouncilSessions.AsNoTracking().Include(x => x.Council).ThenInclude(c => c!.Agency).Include(x => x.Council).ThenInclude(c => c!.Bloc).FirstAsync(x => x.Id == sessionId, ct);
        var itemIds = await db.CouncilAgendaItems.Where(i => i.SessionId == sessionId).Select(i => i.Id).ToListAsync(ct);
        var written = await db.CouncilParticipations.Where(p => itemIds.Contains(p.ItemId) && p.Written).Select(p => p.MemberId).Distinct().ToListAsync(ct);
        var members = await db.CouncilAttendances.AsNoTracking().Where(a => a.SessionId == sessionId)
            .Select(a => new { a.MemberId, a.Member!.FullName, a.Member.Position, a.Member.Role, a.Present }).ToListAsync(ct);
        var c = s.Council!;
        return new CouncilMinutesData(c.Bloc?.Name ?? c.Agency?.Name ?? "", c.Name, s.MeetingDate, s.Place, s.OpenedUtc, s.ClosedUtc,
            FormattableString.Invariant($"{c.QuorumNumerator}/{c.QuorumDenominator} tổng số thành viên ({c.QuorumSource})"),
            members.OrderBy(m => m.Role).ThenBy(m => m.FullName, StringComparer.Ordinal).Select(m => new MinutesMember(m.FullName, m.Position, m.Role, m.Present, written.Contains(m.MemberId))).ToList(),
            await councils.ResultsAsync(sessionId, closed: true, ct));
    }

    public static byte[] Build(CouncilMinutesData m)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                    new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }, new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
            styles.Styles.Save();
            var body = new Body();
            main.Document = new Document(body);
            var vi = CultureInfo.GetCultureInfo("vi-VN");

            body.Append(Heading(m, vi));
            body.Append(P(" "));
            body.Append(P("BIÊN BẢN", JustificationValues.Center, bold: true, size: 30));
            body.Append(P($"Họp {m.CouncilName}", JustificationValues.Center, bold: true));
            body.Append(P(" "));
            var start = m.OpenedUtc is { } o ? VnFormat.ToVietnamTime(o).ToString("HH' giờ 'mm", CultureInfo.InvariantCulture) + ", " : "";
            body.Append(P($"Thời gian: {start}{DateWords(m.MeetingDate)}.", JustificationValues.Both));
            body.Append(P($"Địa điểm: {m.Place}.", JustificationValues.Both));
            var present = m.Members.Where(x => x.Present).ToList();
            var absent = m.Members.Where(x => !x.Present).ToList();
            body.Append(P(FormattableString.Invariant($"Thành viên Hội đồng: {m.Members.Count}; có mặt: {present.Count}; vắng mặt: {absent.Count}; gửi phiếu bằng văn bản: {m.Members.Count(x => x.Written)}. Túc số: {m.QuorumText}."), JustificationValues.Both));
            body.Append(P("1. Thành viên có mặt", bold: true));
            foreach (var x in present) body.Append(P($"- {x.FullName}, {x.Position ?? ""} — {CouncilRules.RoleName(x.Role)};"));
            if (absent.Count > 0)
            {
                body.Append(P("2. Thành viên vắng mặt", bold: true));
                foreach (var x in absent) body.Append(P($"- {x.FullName}, {x.Position ?? ""} — {CouncilRules.RoleName(x.Role)}{(x.Written ? " (có phiếu bằng văn bản)" : " (không có phiếu)")};"));
            }
            body.Append(P("3. Nội dung: xét, biểu quyết bằng phiếu kín các hồ sơ đề nghị khen thưởng", bold: true));
            body.Append(ResultTable(m.Items));
            var recusals = m.Items.SelectMany(i => i.Recusals.Select(r => (i, r))).ToList();
            if (recusals.Count > 0)
            {
                body.Append(P("4. Thành viên tự khai xung đột lợi ích (không biểu quyết hồ sơ tương ứng)", bold: true));
                foreach (var (i, r) in recusals) body.Append(P($"- {r.Member}: hồ sơ {i.Code} – {i.Subject}; lý do: {r.Reason}.", JustificationValues.Both));
            }
            var reasons = m.Items.SelectMany(i => i.Reasons.Select(r => (i, r))).ToList();
            if (reasons.Count > 0)
            {
                body.Append(P("5. Ý kiến không đồng ý, ý kiến khác (không ghi tên)", bold: true));
                foreach (var (i, r) in reasons) body.Append(P($"- Hồ sơ {i.Code} – {i.Subject}: {CouncilRules.ChoiceName(r.Choice)}: {r.Reason}", JustificationValues.Both));
            }
            var end = m.ClosedUtc is { } cl ? $" vào {VnFormat.ToVietnamTime(cl).ToString("HH' giờ 'mm' ngày 'dd/MM/yyyy", CultureInfo.InvariantCulture)}" : "";
            body.Append(P($"Biên bản kết thúc{end}, được lập thành 02 bản.", JustificationValues.Both));
            body.Append(P(" "));
            body.Append(Signatures(m));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 850, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document.Save();
        }
        return ms.ToArray();
    }

    public static string DateWords(DateOnly d) =>
        FormattableString.Invariant($"ngày {d.Day:00} tháng {(d.Month < 3 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture))} năm {d.Year}");

    private static Paragraph P(string text, JustificationValues? jc = null, bool bold = false, bool italic = false, int? size = null, bool underline = false)
    {
        var p = new Paragraph();
        if (jc is { } j) p.Append(new ParagraphProperties(new Justification { Val = j }));
        var rPr = new RunProperties();
        if (bold) rPr.Append(new Bold());
        if (italic) rPr.Append(new Italic());
        if (size is { } s) { rPr.Append(new FontSize { Val = s.ToString(CultureInfo.InvariantCulture) }); rPr.Append(new FontSizeComplexScript { Val = s.ToString(CultureInfo.InvariantCulture) }); }
        if (underline) rPr.Append(new Underline { Val = UnderlineValues.Single });
        var run = new Run();
        if (rPr.HasChildren) run.Append(rPr);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        p.Append(run);
        return p;
    }

    private static TableCell Cell(IEnumerable<Paragraph> content, int width)
    {
        var c = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        c.Append(content);
        if (!c.Elements<Paragraph>().Any()) c.Append(new Paragraph());
        return c;
    }

    private static TableBorders Borders(BorderValues v) => new(
        new TopBorder { Val = v, Size = 4 }, new LeftBorder { Val = v, Size = 4 }, new BottomBorder { Val = v, Size = 4 },
        new RightBorder { Val = v, Size = 4 }, new InsideHorizontalBorder { Val = v, Size = 4 }, new InsideVerticalBorder { Val = v, Size = 4 });

    private static Table TwoColumns(IEnumerable<Paragraph> left, IEnumerable<Paragraph> right, int lw, int rw) => new(
        new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, Borders(BorderValues.Nil), new TableLayout { Type = TableLayoutValues.Fixed }),
        new TableGrid(new GridColumn { Width = lw.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = rw.ToString(CultureInfo.InvariantCulture) }),
        new TableRow(Cell(left, lw), Cell(right, rw)));

    private static Table Heading(CouncilMinutesData m, CultureInfo vi) => TwoColumns(
        [
            P(m.BodyName.ToUpper(vi), JustificationValues.Center, bold: true, size: 26),
            P("HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", JustificationValues.Center, bold: true, size: 26),
            P("*", JustificationValues.Center),
            P("Số     -BB/HĐTĐKT", JustificationValues.Center, size: 26),
        ],
        [
            P("ĐẢNG CỘNG SẢN VIỆT NAM", JustificationValues.Center, bold: true, size: 30, underline: true),
            P(" "),
            P($"{m.Place}, {DateWords(m.MeetingDate)}", JustificationValues.Center, italic: true),
        ], 4200, 5100);

    private static readonly int[] Widths = [500, 3000, 900, 900, 900, 1300, 1800];

    private static Table ResultTable(IReadOnlyList<ItemResult> items)
    {
        var t = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, Borders(BorderValues.Single), new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(Widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        string[] head = ["STT", "Hồ sơ (hình thức – đối tượng, cơ quan)", "Đồng ý", "Không đồng ý", "Ý kiến khác", "Tỷ lệ đồng ý / tổng số thành viên", "Kết quả"];
        var hr = new TableRow(new TableRowProperties(new TableHeader()));
        for (var k = 0; k < head.Length; k++) hr.Append(Cell([P(head[k], JustificationValues.Center, bold: true, size: 24)], Widths[k]));
        t.Append(hr);
        var n = 0;
        foreach (var i in items)
        {
            var c = i.Count;
            string[] cells =
            [
                (++n).ToString(CultureInfo.InvariantCulture), $"{i.Code} – {i.Subject} ({i.Agency})",
                c is null ? "" : VnFormat.Number(c.Agree), c is null ? "" : VnFormat.Number(c.Disagree), c is null ? "" : VnFormat.Number(c.Other),
                c is null ? "" : FormattableString.Invariant($"{c.Agree}/{c.Members} ({VnFormat.Percent(c.AgreeShare)})"),
                c is null ? "" : (c.QuorumMet ? (c.Passed ? "Đồng ý" : "Không đồng ý") : "Không đủ túc số") + $" ({CouncilRules.RuleText(c.Percent, c.MoreThan)})",
            ];
            var row = new TableRow();
            for (var k = 0; k < cells.Length; k++) row.Append(Cell([P(cells[k], k == 1 || k == 6 ? JustificationValues.Left : JustificationValues.Center, size: 24)], Widths[k]));
            t.Append(row);
        }
        return t;
    }

    private static Table Signatures(CouncilMinutesData m)
    {
        var chair = m.Members.FirstOrDefault(x => x.Role == CouncilRole.Chair && x.Present) ?? m.Members.FirstOrDefault(x => x.Present && x.Role != CouncilRole.Secretary);
        var secretary = m.Members.FirstOrDefault(x => x.Role == CouncilRole.Secretary);
        return TwoColumns(
            [P("THƯ KÝ", JustificationValues.Center, bold: true), P("(ký, ghi rõ họ tên)", JustificationValues.Center, italic: true), P(" "), P(" "), P(secretary?.FullName ?? "", JustificationValues.Center, bold: true)],
            [P("CHỦ TRÌ", JustificationValues.Center, bold: true), P("(ký, ghi rõ họ tên)", JustificationValues.Center, italic: true), P(" "), P(" "), P(chair?.FullName ?? "", JustificationValues.Center, bold: true)],
            4650, 4650);
    }
}
