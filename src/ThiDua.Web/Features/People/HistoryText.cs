using ThiDua.Features.Awards;
using ThiDua.Features.Eligibility;
using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

/// <summary>
/// How a person's record and history rows read in the audit trail and on the confirmation pages: Vietnamese
/// names with the stored code beside them, so an inspector reads what changed without the catalogue.
/// </summary>
public static class HistoryText
{
    public const string None = "—";

    /// <summary>An audit entry's change: "trước: … → sau: …", with — for a row that did not exist.</summary>
    public static string Change(string? before, string? after) => $"trước: {before ?? None} → sau: {after ?? None}";

    public static string RatingName(Rating r) => $"{EligibilityCodes.RatingName(r)} ({r})";

    public static string Rating(YearRating r) => $"năm {r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {RatingName(r.Rating)}";

    public static string Discipline(DisciplineRecord d) =>
        $"{EligibilityCodes.DisciplineName(d.Level)} từ {VnFormat.Date(d.From)} đến {VnFormat.Date(d.To)}; số QĐ: {d.DecisionNumber ?? None}";

    public static string Initiative(Initiative i) =>
        $"năm {i.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {i.Title}; phạm vi: {EligibilityCodes.ScopeName(i.Scope)}; đã dùng cho: {(i.UsedFor is null ? None : $"{AwardRecord.Name(i.UsedFor)} ({i.UsedFor})")}";

    public static string Unit(string name, string code) => $"{name} ({code})";

    /// <summary>The fields of a person's record, labelled as the edit form labels them, in the form's order.</summary>
    public static List<(string Field, string Value)> PersonFields(Person p, string? unit) =>
    [
        ("Mã cá nhân", p.PersonalCode),
        ("Họ", p.FamilyName),
        ("Tên đệm", p.MiddleName ?? None),
        ("Tên", p.GivenName),
        ("Giới tính", Person.GenderName(p.Gender)),
        ("Ngày sinh", p.BirthDate is null ? None : VnFormat.Date(p.BirthDate)),
        ("Chức vụ", p.Position ?? None),
        ("Ngày tuyển dụng", p.HiredOn is null ? None : VnFormat.Date(p.HiredOn)),
        ("Đơn vị", unit ?? None),
        ("Số CCCD", p.NationalId ?? None),
        ("Mã CBCCVC", p.CivilServantCode ?? None),
        ("Đang xem xét kỷ luật, thanh tra, khiếu nại", p.PendingReview ? "có" : "không"),
    ];

    /// <summary>Each field that changed, as "Chức vụ: trước: … → sau: …"; empty when nothing did.</summary>
    public static string Diff(List<(string Field, string Value)> before, List<(string Field, string Value)> after) =>
        string.Join("; ", before.Zip(after).Where(x => x.First.Value != x.Second.Value).Select(x => $"{x.First.Field}: {Change(x.First.Value, x.Second.Value)}"));

    /// <summary>A new record: every field that has a value.</summary>
    public static string Created(List<(string Field, string Value)> fields) =>
        Change(null, string.Join("; ", fields.Where(f => f.Value != None).Select(f => $"{f.Field}: {f.Value}")));
}
