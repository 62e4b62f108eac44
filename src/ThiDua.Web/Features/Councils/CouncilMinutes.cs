using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;
using static ThiDua.Infrastructure.WordDocument;

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

    public static byte[] Build(CouncilMinutesData m) => WordDocument.Build(body =>
    {
        body.Append(Heading(m));
        body.Append(Blank());
        body.Append(Para("BIÊN BẢN", JustificationValues.Center, bold: true, size: 30));
        body.Append(Para($"Họp {m.CouncilName}", JustificationValues.Center, bold: true));
        body.Append(Blank());
        var start = m.OpenedUtc is { } o ? VnFormat.ToVietnamTime(o).ToString("HH' giờ 'mm", CultureInfo.InvariantCulture) + ", " : "";
        body.Append(Para($"Thời gian: {start}{DateWords(m.MeetingDate)}.", JustificationValues.Both));
        body.Append(Para($"Địa điểm: {m.Place}.", JustificationValues.Both));
        var present = m.Members.Where(x => x.Present).ToList();
        var absent = m.Members.Where(x => !x.Present).ToList();
        body.Append(Para(FormattableString.Invariant($"Thành viên Hội đồng: {m.Members.Count}; có mặt: {present.Count}; vắng mặt: {absent.Count}; gửi phiếu bằng văn bản: {m.Members.Count(x => x.Written)}. Túc số: {m.QuorumText}."), JustificationValues.Both));
        body.Append(Para("1. Thành viên có mặt", bold: true));
        foreach (var x in present) body.Append(Para($"- {x.FullName}, {x.Position ?? ""} — {CouncilRules.RoleName(x.Role)};"));
        if (absent.Count > 0)
        {
            body.Append(Para("2. Thành viên vắng mặt", bold: true));
            foreach (var x in absent) body.Append(Para($"- {x.FullName}, {x.Position ?? ""} — {CouncilRules.RoleName(x.Role)}{(x.Written ? " (có phiếu bằng văn bản)" : " (không có phiếu)")};"));
        }
        body.Append(Para("3. Nội dung: xét, biểu quyết bằng phiếu kín các hồ sơ đề nghị khen thưởng", bold: true));
        body.Append(ResultTable(m.Items));
        var recusals = m.Items.SelectMany(i => i.Recusals.Select(r => (i, r))).ToList();
        if (recusals.Count > 0)
        {
            body.Append(Para("4. Thành viên tự khai xung đột lợi ích (không biểu quyết hồ sơ tương ứng)", bold: true));
            foreach (var (i, r) in recusals) body.Append(Para($"- {r.Member}: hồ sơ {i.Code} – {i.Subject}; lý do: {r.Reason}.", JustificationValues.Both));
        }
        var reasons = m.Items.SelectMany(i => i.Reasons.Select(r => (i, r))).ToList();
        if (reasons.Count > 0)
        {
            body.Append(Para("5. Ý kiến không đồng ý, ý kiến khác (không ghi tên)", bold: true));
            foreach (var (i, r) in reasons) body.Append(Para($"- Hồ sơ {i.Code} – {i.Subject}: {CouncilRules.ChoiceName(r.Choice)}: {r.Reason}", JustificationValues.Both));
        }
        var end = m.ClosedUtc is { } cl ? $" vào {VnFormat.ToVietnamTime(cl).ToString("HH' giờ 'mm' ngày 'dd/MM/yyyy", CultureInfo.InvariantCulture)}" : "";
        body.Append(Para($"Biên bản kết thúc{end}, được lập thành 02 bản.", JustificationValues.Both));
        body.Append(Blank());
        body.Append(Signatures(m));
    });

    private static Table Heading(CouncilMinutesData m) =>
        WordDocument.Heading(new WordHeading(Party: true, Parent: null, [m.BodyName, "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"], "    -BB/HĐTĐKT", $"{m.Place}, {DateWords(m.MeetingDate)}"));

    private static readonly int[] Widths = [500, 3000, 900, 900, 900, 1300, 1800];

    private static Table ResultTable(IReadOnlyList<ItemResult> items)
    {
        var t = GridTable(Widths);
        t.Append(HeaderRow(["STT", "Hồ sơ (hình thức – đối tượng, cơ quan)", "Đồng ý", "Không đồng ý", "Ý kiến khác", "Tỷ lệ đồng ý / tổng số thành viên", "Kết quả"], Widths, 24));
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
            for (var k = 0; k < cells.Length; k++) row.Append(Cell([Para(cells[k], k == 1 || k == 6 ? JustificationValues.Left : JustificationValues.Center, size: 24)], Widths[k]));
            t.Append(row);
        }
        return t;
    }

    private static Table Signatures(CouncilMinutesData m)
    {
        var chair = m.Members.FirstOrDefault(x => x.Role == CouncilRole.Chair && x.Present) ?? m.Members.FirstOrDefault(x => x.Present && x.Role != CouncilRole.Secretary);
        var secretary = m.Members.FirstOrDefault(x => x.Role == CouncilRole.Secretary);
        return WordDocument.Signatures(Signer("THƯ KÝ", "(ký, ghi rõ họ tên)", name: secretary?.FullName ?? ""), Signer("CHỦ TRÌ", "(ký, ghi rõ họ tên)", name: chair?.FullName ?? ""));
    }
}
