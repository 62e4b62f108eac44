using ThiDua.Features.Eligibility;

namespace ThiDua.Features.Registrations;

/// <summary>The rules of a registration that need no database: states, who may be registered for what, bounds.</summary>
public static class RegistrationRules
{
    public const int FirstYear = 2000, LastYear = 2100;
    public const int MaxNote = 1000, MaxReason = 1000, MaxSearch = 100;

    /// <summary>Titles and forms a person may be registered for: the individual titles, the individual forms, Giấy khen.</summary>
    public static readonly string[] PersonCodes = [.. EligibilityCodes.Individual, "GK"];

    /// <summary>Titles and forms a collective (the agency or a sub-unit) may be registered for.</summary>
    public static readonly string[] CollectiveCodes = [EligibilityCodes.TTLDTT, EligibilityCodes.TTLDXS, "CO_BO", "CO_CP", "GK", EligibilityCodes.BK_BO, EligibilityCodes.BK_TTG];

    /// <summary>The codes valid for a subject kind, in catalogue order.</summary>
    public static IReadOnlyList<(string Code, string Name)> CodesFor(RegistrationSubject subject)
    {
        var allowed = subject == RegistrationSubject.Person ? PersonCodes : CollectiveCodes;
        return EligibilityCodes.Catalogue.Where(c => allowed.Contains(c.Code, StringComparer.Ordinal)).ToList();
    }

    public static bool IsValidCode(RegistrationSubject subject, string? code) =>
        code is not null && (subject == RegistrationSubject.Person ? PersonCodes : CollectiveCodes).Contains(code, StringComparer.Ordinal);

    public static bool InYearRange(int year) => year is >= FirstYear and <= LastYear;

    public static string YearRangeMessage(string field = "Năm đăng ký") => $"{field} phải từ {FirstYear} đến {LastYear}.";

    /// <summary>Lines are added or removed only while the agency holds the registration: a draft, or one returned to it.</summary>
    public static bool IsEditable(RegistrationState s) => s is RegistrationState.Draft or RegistrationState.Returned;

    /// <summary>The state machine: draft → submitted → returned (→ submitted again) → approved.</summary>
    public static bool CanMove(RegistrationState from, RegistrationState to) => (from, to) switch
    {
        (RegistrationState.Draft, RegistrationState.Submitted) => true,
        (RegistrationState.Returned, RegistrationState.Submitted) => true,
        (RegistrationState.Submitted, RegistrationState.Returned) => true,
        (RegistrationState.Submitted, RegistrationState.Approved) => true,
        _ => false,
    };

    public static string StateName(RegistrationState s) => s switch
    {
        RegistrationState.Draft => "Dự thảo",
        RegistrationState.Submitted => "Đã nộp",
        RegistrationState.Returned => "Trả lại để sửa",
        RegistrationState.Approved => "Đã duyệt",
        _ => s.ToString(),
    };

    public static string StateNameEn(RegistrationState s) => s switch
    {
        RegistrationState.Draft => "Draft",
        RegistrationState.Submitted => "Submitted",
        RegistrationState.Returned => "Returned",
        RegistrationState.Approved => "Approved",
        _ => s.ToString(),
    };

    public static string SubjectName(RegistrationSubject s) => s switch
    {
        RegistrationSubject.Agency => "Cơ quan",
        RegistrationSubject.SubUnit => "Đơn vị trực thuộc",
        RegistrationSubject.Person => "Cá nhân",
        _ => s.ToString(),
    };

    public static string VerdictName(Verdict v) => v switch
    {
        Verdict.Eligible => "Đủ điều kiện",
        Verdict.NotEligible => "Chưa đủ điều kiện",
        Verdict.Deferred => "Chưa xét (đang xem xét)",
        _ => v.ToString(),
    };

    /// <summary>The refusal for a move the state machine does not allow, naming both states.</summary>
    public static string MoveRefused(RegistrationState from, RegistrationState to) =>
        $"Không thể chuyển bản đăng ký từ \"{StateName(from)}\" sang \"{StateName(to)}\".";

    /// <summary>Culture-invariant file name of the year's export: dang-ky-thi-dua-2019.xlsx.</summary>
    public static string ExportFileName(int year, string? unitCode = null) =>
        unitCode is null
            ? FormattableString.Invariant($"dang-ky-thi-dua-{year}.xlsx")
            : FormattableString.Invariant($"dang-ky-thi-dua-{year}-{Slug(unitCode)}.xlsx");

    private static string Slug(string code) =>
        new(code.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' ? c : '-').ToArray());
}

/// <summary>A refusal by the registration's rules, in Vietnamese, naming the field or the state.</summary>
public sealed class RegistrationRefusedException(string message) : Exception(message);
