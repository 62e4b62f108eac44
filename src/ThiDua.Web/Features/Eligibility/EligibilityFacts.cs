namespace ThiDua.Features.Eligibility;

// The engine's input: facts about one subject, already validated. Kept compact (one small struct a year)
// because the batch contract must evaluate a million people in seconds.

/// <summary>Mức xếp loại chất lượng: ordered so that a higher value is a better rating.</summary>
public enum Rating : byte { None = 0, KHTNV = 1, HTNV = 2, HTTNV = 3, HTXSNV = 4 }

/// <summary>Emulation titles (danh hiệu thi đua) an individual can hold in a year.</summary>
[Flags]
public enum TitleSet : byte { None = 0, LDTT = 1, CSTDCS = 2, CSTD_BO = 4, CSTDTQ = 8 }

/// <summary>The widest level at which an initiative (sáng kiến) was recognised.</summary>
public enum InitiativeScope : byte { None = 0, CoSo = 1, Bo = 2, ToanQuoc = 3 }

public enum DisciplineLevel : byte { KhienTrach = 1, CanhCao = 2, CachChuc = 3, BuocThoiViec = 4 }

public enum AwardForm : byte { GK = 1, BK_BO = 2, BK_TTG = 3 }

public enum Gender : byte { Male = 1, Female = 2 }

public enum Verdict : byte { Eligible, NotEligible, Deferred }

public readonly record struct YearFacts(
    Rating Rating,
    TitleSet Titles,
    ushort Initiatives,
    ushort InitiativesNotUsed,
    InitiativeScope WidestScope)
{
    public bool HasRecord => Rating != Rating.None;
}

/// <summary>A discipline period, inclusive; <see cref="DateOnly.MaxValue"/> as <paramref name="To"/> while it is still running.</summary>
public readonly record struct DisciplinePeriod(DisciplineLevel Level, DateOnly From, DateOnly To)
{
    public bool Touches(int year) => From.Year <= year && To.Year >= year;
    public bool IsOpen => To == DateOnly.MaxValue;
}

/// <summary>What an award was given for: merit over a period (công trạng), a one-off achievement (đột xuất) or a thematic movement (chuyên đề).</summary>
public enum AwardBasis : byte { Merit = 0, DotXuat = 1, ChuyenDe = 2 }

/// <summary>
/// A form of commendation received: <paramref name="Year"/> of the decision, and <paramref name="PeriodTo"/> the
/// last year of the achievement period the decision states (null: none stated, the decision year counts).
/// </summary>
public readonly record struct AwardFact(int Year, AwardForm Form, int? PeriodTo = null, AwardBasis Basis = AwardBasis.Merit)
{
    /// <summary>The year the next award of the same form counts from (exclusive).</summary>
    public int PeriodEnd => PeriodTo ?? Year;
}

public sealed class IndividualFacts
{
    public required string Id { get; init; }
    public Gender? Gender { get; init; }
    public DateOnly? HiredOn { get; init; }
    public bool PendingReview { get; init; }
    public DisciplinePeriod[] Discipline { get; init; } = [];
    public AwardFact[] Awards { get; init; } = [];
    public int FirstYear { get; init; }
    /// <summary>Index 0 is <see cref="FirstYear"/>; a year without a record has <see cref="Rating.None"/>.</summary>
    public YearFacts[] Years { get; init; } = [];

    public YearFacts For(int year)
    {
        var i = year - FirstYear;
        return (uint)i < (uint)Years.Length ? Years[i] : default;
    }

    public DisciplinePeriod? DisciplineTouching(int year)
    {
        foreach (var d in Discipline)
        {
            if (d.Touches(year)) return d;
        }
        return null;
    }

    /// <summary>A counted year: a record, rated at least <paramref name="minimum"/>, not touched by discipline.</summary>
    public bool IsCounted(int year, Rating minimum = Rating.HTTNV)
    {
        var f = For(year);
        return f.HasRecord && f.Rating >= minimum && DisciplineTouching(year) is null;
    }

    public static YearFacts[] BuildYears(Dictionary<int, YearFacts> byYear, out int firstYear)
    {
        if (byYear.Count == 0)
        {
            firstYear = 0;
            return [];
        }
        int min = int.MaxValue, max = int.MinValue;
        foreach (var y in byYear.Keys)
        {
            if (y < min) min = y;
            if (y > max) max = y;
        }
        firstYear = min;
        var years = new YearFacts[max - min + 1];
        foreach (var (year, facts) in byYear) years[year - firstYear] = facts;
        return years;
    }
}

public readonly record struct CollectiveYearFacts(
    Rating Rating,
    int Members,
    int MembersCompletedTasks,
    int MembersLdtt,
    int MembersCstdcs,
    int MembersDisciplinedWarningOrAbove,
    bool United);

public sealed class CollectiveFacts
{
    public required string Id { get; init; }
    public bool PendingReview { get; init; }
    public Dictionary<int, CollectiveYearFacts> Years { get; init; } = [];
}

public sealed record EligibilityResult(
    string SubjectId,
    string Code,
    Verdict Verdict,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Basis);

public static class EligibilityCodes
{
    public const string LDTT = "LDTT", CSTDCS = "CSTDCS", CSTD_BO = "CSTD_BO", CSTDTQ = "CSTDTQ",
        BK_BO = "BK_BO", BK_TTG = "BK_TTG", TTLDTT = "TTLDTT", TTLDXS = "TTLDXS";

    public static readonly string[] Individual = [LDTT, CSTDCS, CSTD_BO, CSTDTQ, BK_BO, BK_TTG];
    public static readonly string[] Collective = [TTLDTT, TTLDXS];

    /// <summary>
    /// The one catalogue of emulation titles and forms of commendation ThiDua knows, each with its one Vietnamese
    /// name: titles first, then forms. Pages, imports, exports, audit texts and reasons all name codes from here.
    /// </summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Catalogue =
    [
        (LDTT, "Lao động tiên tiến"),
        (CSTDCS, "Chiến sĩ thi đua cơ sở"),
        (CSTD_BO, "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh"),
        (CSTDTQ, "Chiến sĩ thi đua toàn quốc"),
        (TTLDTT, "Tập thể lao động tiên tiến"),
        (TTLDXS, "Tập thể lao động xuất sắc"),
        ("CO_BO", "Cờ thi đua cấp bộ, ban, ngành, tỉnh"),
        ("CO_CP", "Cờ thi đua của Chính phủ"),
        ("GK", "Giấy khen"),
        (BK_BO, "Bằng khen cấp bộ, ban, ngành, tỉnh"),
        (BK_TTG, "Bằng khen của Thủ tướng Chính phủ"),
    ];

    private static readonly Dictionary<string, string> Names = Catalogue.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);

    public static string VietnameseName(string code) => Names.TryGetValue(code, out var n) ? n : code;

    public static string RatingName(Rating r) => r switch
    {
        Rating.HTXSNV => "hoàn thành xuất sắc nhiệm vụ",
        Rating.HTTNV => "hoàn thành tốt nhiệm vụ",
        Rating.HTNV => "hoàn thành nhiệm vụ",
        Rating.KHTNV => "không hoàn thành nhiệm vụ",
        _ => "chưa có xếp loại",
    };

    public static string DisciplineName(DisciplineLevel l) => l switch
    {
        DisciplineLevel.KhienTrach => "khiển trách",
        DisciplineLevel.CanhCao => "cảnh cáo",
        DisciplineLevel.CachChuc => "cách chức",
        DisciplineLevel.BuocThoiViec => "buộc thôi việc",
        _ => l.ToString(),
    };

    public static string ScopeName(InitiativeScope s) => s switch
    {
        InitiativeScope.CoSo => "cơ sở",
        InitiativeScope.Bo => "cấp bộ, ban",
        InitiativeScope.ToanQuoc => "toàn quốc",
        _ => "—",
    };

    public static bool TryParseRating(string? s, out Rating r)
    {
        r = s switch { "HTXSNV" => Rating.HTXSNV, "HTTNV" => Rating.HTTNV, "HTNV" => Rating.HTNV, "KHTNV" => Rating.KHTNV, _ => Rating.None };
        return r != Rating.None;
    }

    public static bool TryParseTitle(string? s, out TitleSet t)
    {
        t = s switch { LDTT => TitleSet.LDTT, CSTDCS => TitleSet.CSTDCS, CSTD_BO => TitleSet.CSTD_BO, CSTDTQ => TitleSet.CSTDTQ, _ => TitleSet.None };
        return t != TitleSet.None;
    }

    public static bool TryParseScope(string? s, out InitiativeScope scope)
    {
        scope = s switch { "co_so" => InitiativeScope.CoSo, "bo" => InitiativeScope.Bo, "toan_quoc" => InitiativeScope.ToanQuoc, _ => InitiativeScope.None };
        return scope != InitiativeScope.None;
    }

    public static string ScopeCode(InitiativeScope s) => s switch
    {
        InitiativeScope.CoSo => "co_so", InitiativeScope.Bo => "bo", InitiativeScope.ToanQuoc => "toan_quoc", _ => "",
    };

    public static bool TryParseDiscipline(string? s, out DisciplineLevel l)
    {
        l = s switch
        {
            "khien_trach" => DisciplineLevel.KhienTrach, "canh_cao" => DisciplineLevel.CanhCao,
            "cach_chuc" => DisciplineLevel.CachChuc, "buoc_thoi_viec" => DisciplineLevel.BuocThoiViec, _ => 0,
        };
        return l != 0;
    }

    public static string DisciplineCode(DisciplineLevel l) => l switch
    {
        DisciplineLevel.KhienTrach => "khien_trach", DisciplineLevel.CanhCao => "canh_cao",
        DisciplineLevel.CachChuc => "cach_chuc", DisciplineLevel.BuocThoiViec => "buoc_thoi_viec", _ => "",
    };

    public static bool TryParseBasis(string? s, out AwardBasis b)
    {
        (b, var ok) = s switch { "dot_xuat" => (AwardBasis.DotXuat, true), "chuyen_de" => (AwardBasis.ChuyenDe, true), _ => (AwardBasis.Merit, false) };
        return ok;
    }

    /// <summary>The contract's code for a basis; null for merit (the field is then left out).</summary>
    public static string? BasisCode(AwardBasis b) => b switch { AwardBasis.DotXuat => "dot_xuat", AwardBasis.ChuyenDe => "chuyen_de", _ => null };

    public static string BasisName(AwardBasis b) => b switch
    {
        AwardBasis.DotXuat => "thành tích đột xuất",
        AwardBasis.ChuyenDe => "thi đua theo chuyên đề",
        _ => "công trạng (thành tích theo thời gian)",
    };

    public static bool TryParseAward(string? s, out AwardForm f)
    {
        f = s switch { "GK" => AwardForm.GK, BK_BO => AwardForm.BK_BO, BK_TTG => AwardForm.BK_TTG, _ => 0 };
        return f != 0;
    }

    /// <summary>Codes an initiative's <c>usedFor</c> may name: a title or a form of commendation.</summary>
    public static bool IsKnownUse(string s) =>
        TryParseTitle(s, out _) || TryParseAward(s, out _) || s is TTLDTT or TTLDXS or "CO_BO" or "CO_CP";
}
