using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using ThiDua.Infrastructure;
using static ThiDua.Infrastructure.WordDocument;

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
        return WordDocument.Build(body =>
        {
            body.Append(Heading(m, layout));
            body.Append(Blank());
            body.Append(Para("BIÊN BẢN KIỂM PHIẾU", JustificationValues.Center, bold: true, size: 30));
            body.Append(Para(m.Title, JustificationValues.Center, bold: true));
            body.Append(Para(FormattableString.Invariant($"(bình xét thi đua, khen thưởng năm {m.Year})"), JustificationValues.Center, italic: true));
            body.Append(Blank());
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
            body.Append(Blank());
            body.Append(Signatures(m.CountingBoard));
        }, new WordPage(layout.BodyHalfPoints, layout.MarginTopMm, layout.MarginBottomMm, layout.MarginLeftMm, layout.MarginRightMm));
    }

    private static string Pct(decimal p) => p.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') + "%";

    /// <summary>The Party heading: the bloc and its vote-counting board, the star, the Party title, place and date; the minutes carry no number line.</summary>
    private static Table Heading(MinutesData m, MinutesLayout layout) =>
        WordDocument.Heading(new WordHeading(Party: true, Parent: null, [m.BlocName, "BAN KIỂM PHIẾU"], Number: null,
            $"{m.Place}, {DateWords(m.MeetingDate)}", layout.TopTitle, layout.StarUnderBody));

    private static readonly int[] CountWidths = [600, 3500, 1100, 1400, 1400, 1300];

    private static Table CountTable(QuestionTally q)
    {
        var table = GridTable(CountWidths);
        table.Append(HeaderRow(["STT", "Đơn vị được giới thiệu", "Số phiếu", "Tỷ lệ / phiếu hợp lệ", "Tỷ lệ / đại biểu có mặt", "Kết quả"], CountWidths, 26));
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
        var left = Signer("CÁC THÀNH VIÊN BAN KIỂM PHIẾU", "(ký, ghi rõ họ tên)");
        left.AddRange(board.Skip(1).Select(x => Para(x, JustificationValues.Center)));
        return WordDocument.Signatures(left, Signer("TRƯỞNG BAN KIỂM PHIẾU", "(ký, ghi rõ họ tên)", name: board.Count > 0 ? board[0] : ""));
    }
}
