using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using ThiDua.Features.Awards;
using ThiDua.Infrastructure;
using static ThiDua.Infrastructure.WordDocument;

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
        return WordDocument.Build(body =>
        {
            body.Append(Para($"{d.Edition.FormName(d.Subject)}", JustificationValues.Right, italic: true, size: 24));
            body.Append(WordDocument.Heading(new WordHeading(layout.Party, d.ParentName, [d.AgencyName], Number: null,
                $"{layout.Place}, {DateWords(d.Date)}", layout.PartyTitle, layout.StarUnderBody)));
            body.Append(Blank());
            body.Append(Para("BÁO CÁO THÀNH TÍCH", JustificationValues.Center, bold: true, size: 30));
            body.Append(Para($"ĐỀ NGHỊ TẶNG {AwardRecord.Name(d.Code).ToUpper(Vi)}", JustificationValues.Center, bold: true));
            body.Append(Para(FormattableString.Invariant($"(năm {d.Year})"), JustificationValues.Center, italic: true));
            body.Append(Para(d.Subject == NominationSubject.Person ? $"Họ và tên: {d.SubjectName}" : $"Tên tập thể: {d.SubjectName}", JustificationValues.Center, bold: true));
            if (d.Achievement.Length > 0) body.Append(Para($"Thành tích: {d.Achievement}", JustificationValues.Center, italic: true));
            body.Append(Blank());
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
            body.Append(Blank());
            body.Append(Signatures(person));
            body.Append(Blank());
            body.Append(Para($"Lập theo {d.Edition.FormName(d.Subject)}; hồ sơ số {d.Id.ToString(CultureInfo.InvariantCulture)} trên ThiDua.", JustificationValues.Left, italic: true, size: 22));
        }, new WordPage(layout.BodyHalfPoints, layout.MarginTopMm, layout.MarginBottomMm, layout.MarginLeftMm, layout.MarginRightMm));
    }

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

    /// <summary>Left the level that forwards the dossier confirms; right the person reporting (and the head of the unit confirming) or the head of the unit.</summary>
    private static Table Signatures(bool person)
    {
        var right = person ? Signer("NGƯỜI BÁO CÁO THÀNH TÍCH", "(ký, ghi rõ họ và tên)") : Signer("THỦ TRƯỞNG ĐƠN VỊ", "(ký, đóng dấu)", blankLines: 0);
        if (person) right.AddRange(Signer("THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN", "(ký, đóng dấu)", blankLines: 0));
        return WordDocument.Signatures(Signer("XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", "(ký, đóng dấu)", blankLines: 0), right);
    }
}
