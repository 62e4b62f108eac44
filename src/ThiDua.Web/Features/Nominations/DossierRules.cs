using System.Security.Claims;
using ThiDua.Features.Accounts;
using ThiDua.Features.Eligibility;
using ThiDua.Features.Registrations;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations;

/// <summary>The dossier's rules that need no database: bounds, the codes each subject kind and level may be proposed for, names.</summary>
public static class DossierRules
{
    public const int FirstYear = 2000, LastYear = 2100;
    public const int MaxAchievement = 1000, MaxBackground = 20000, MaxAchievements = 50000, MaxMeasures = 20000, MaxPriorAwards = 10000,
        MaxJustification = 4000, MaxSearch = 100, PageSize = 25, MaxPage = 10000;

    /// <summary>Titles and forms a person may be proposed for (the same list as registrations: individual titles and forms, Giấy khen).</summary>
    public static IReadOnlyList<string> PersonCodes => RegistrationRules.PersonCodes;

    /// <summary>Titles and forms a collective (the agency or a unit under it) may be proposed for.</summary>
    public static IReadOnlyList<string> CollectiveCodes => RegistrationRules.CollectiveCodes;

    /// <summary>
    /// Forms handled by the bloc (<see cref="NominationLevel.Bloc"/>): the bloc leader's Bằng khen and Cờ thi đua
    /// (the bloc leader acts with a ministry's authority), and the State forms the bloc proposes upward (Cờ thi đua
    /// của Chính phủ, Bằng khen của Thủ tướng). Every other code is handled by the agency's own council. A setting of
    /// the bloc's regulation (quy chế khối), not of the Law: chưa kiểm chứng.
    /// </summary>
    public static readonly string[] BlocCodes = ["BK_BO", "CO_BO", "CO_CP", "BK_TTG"];

    /// <summary>Titles an agency registers at the start of the year (Luật TĐKT 2022 Điều 17 — the registration list of issue 9).</summary>
    public static bool IsRegistrable(string code) => RegistrationRules.PersonCodes.Contains(code, StringComparer.Ordinal) || RegistrationRules.CollectiveCodes.Contains(code, StringComparer.Ordinal);

    public static IReadOnlyList<(string Code, string Name)> CodesFor(NominationSubject subject)
    {
        var allowed = subject == NominationSubject.Person ? PersonCodes : CollectiveCodes;
        return EligibilityCodes.Catalogue.Where(c => allowed.Contains(c.Code, StringComparer.Ordinal)).ToList();
    }

    public static bool IsValidCode(NominationSubject subject, string? code) =>
        code is not null && (subject == NominationSubject.Person ? PersonCodes : CollectiveCodes).Contains(code, StringComparer.Ordinal);

    public static bool IsValidLevel(NominationLevel level, string code) => level == NominationLevel.Agency || BlocCodes.Contains(code, StringComparer.Ordinal);

    public static bool InYearRange(int year) => year is >= FirstYear and <= LastYear;

    public static string YearRangeMessage(string field = "Năm đề nghị") => $"{field} phải từ {FirstYear} đến {LastYear}.";

    /// <summary>The dossier is written by its agency only while it holds it: a draft, or one returned for completion.</summary>
    public static bool IsEditable(NominationState s) => s is NominationState.Draft or NominationState.Returned;

    public static string SubjectName(NominationSubject s) => s == NominationSubject.Person ? "Cá nhân" : "Tập thể";

    public static string LevelName(NominationLevel l) => l == NominationLevel.Bloc ? "Cấp khối (Trưởng khối khen, đề nghị)" : "Cấp cơ quan (Hội đồng TĐKT cơ quan)";

    public static string BasisName(AwardBasis b) => b switch
    {
        AwardBasis.DotXuat => "Thành tích đột xuất",
        AwardBasis.ChuyenDe => "Thành tích chuyên đề (theo phong trào thi đua)",
        _ => "Thành tích thực hiện nhiệm vụ (công trạng)",
    };

    public static string VerdictName(Verdict v) => RegistrationRules.VerdictName(v);

    /// <summary>Shortens a long text for an audit line.</summary>
    public static string Clip(string? s, int max = 120)
    {
        var t = (s ?? "").ReplaceLineEndings(" ").Trim();
        return t.Length <= max ? t : t[..max] + "…";
    }
}

/// <summary>A refusal by the dossier's rules, in Vietnamese, naming the field or the state.</summary>
public sealed class DossierRefusedException(string message) : Exception(message);

/// <summary>Someone else saved the dossier first; the page keeps what was typed.</summary>
public sealed class DossierConflictException() : Exception(Text)
{
    public const string Text = "Hồ sơ vừa được người khác lưu trước bạn. Nội dung bạn nhập vẫn ở trên biểu mẫu; hãy xem lại bản mới nhất (mở hồ sơ ở thẻ khác) rồi lưu lần nữa.";
}

/// <summary>
/// Who may do what with dossiers: the bloc secretariat (Admin, BlocSecretariat) reads and writes every agency's; a
/// unit's officer (EmulationOfficer, CouncilSecretariat) writes their own agency's; council members and leaders read
/// their own agency's. Nobody reaches another agency's dossier otherwise.
/// </summary>
public sealed record DossierAccess(bool Secretariat, bool Officer, int? OwnAgencyId)
{
    public static async Task<DossierAccess> ForAsync(ClaimsPrincipal user, UnitScopeService scopes, CancellationToken ct)
    {
        var secretariat = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.BlocSecretariat);
        var officer = user.IsInRole(Roles.EmulationOfficer) || user.IsInRole(Roles.CouncilSecretariat);
        return new DossierAccess(secretariat, officer, await scopes.OwnAgencyIdAsync(user, ct));
    }

    public bool CanRead(int agencyId) => Secretariat || OwnAgencyId == agencyId;

    public bool CanWrite(int agencyId) => Secretariat || Officer && OwnAgencyId == agencyId;

    public bool CanCreate => Secretariat || Officer && OwnAgencyId is not null;
}
