using ThiDua.Features.People;
using ThiDua.Features.Units;

namespace ThiDua.Features.Awards;

public enum AwardStatus
{
    /// <summary>Đã quyết định: conferred by a decision.</summary>
    Conferred,
    /// <summary>Đề nghị: proposed to a higher level, not yet decided.</summary>
    Proposed,
}

/// <summary>
/// An emulation title or a form of commendation conferred on (or proposed for) a person or a collective,
/// with the deciding authority and the decision.
/// </summary>
public sealed class AwardRecord
{
    public int Id { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int Year { get; set; }
    public required string Code { get; set; }
    public required string Authority { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public AwardStatus Status { get; set; }
    /// <summary>Last year of the achievement period the decision states (thời gian lập được thành tích); null when it states none.</summary>
    public int? PeriodTo { get; set; }
    /// <summary>Merit over a period, or a one-off (đột xuất) or thematic (chuyên đề) achievement: the latter are no basis for merit awards under Luật 2022.</summary>
    public Eligibility.AwardBasis Basis { get; set; }
    public string? Note { get; set; }

    /// <summary>Codes and their Vietnamese names; titles first, then forms of commendation.</summary>
    public static readonly IReadOnlyDictionary<string, string> Codes = new Dictionary<string, string>
    {
        ["LDTT"] = "Lao động tiên tiến",
        ["CSTDCS"] = "Chiến sĩ thi đua cơ sở",
        ["CSTD_BO"] = "Chiến sĩ thi đua cấp bộ, ban",
        ["CSTDTQ"] = "Chiến sĩ thi đua toàn quốc",
        ["TTLDTT"] = "Tập thể lao động tiên tiến",
        ["TTLDXS"] = "Tập thể lao động xuất sắc",
        ["CO_BO"] = "Cờ thi đua cấp bộ, ban",
        ["CO_CP"] = "Cờ thi đua của Chính phủ",
        ["GK"] = "Giấy khen",
        ["BK_BO"] = "Bằng khen cấp bộ, ban",
        ["BK_TTG"] = "Bằng khen của Thủ tướng Chính phủ",
    };

    public static readonly string[] PersonTitleCodes = ["LDTT", "CSTDCS", "CSTD_BO", "CSTDTQ"];

    public static string Name(string code) => Codes.TryGetValue(code, out var n) ? n : code;

    public static string StatusName(AwardStatus s) => s == AwardStatus.Proposed ? "Đề nghị" : "Đã quyết định";
}
