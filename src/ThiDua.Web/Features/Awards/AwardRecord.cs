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
    /// <summary>Thu hồi: the award was revoked (Luật TĐKT 2022 Điều 94 and the decree in force); it stays in the history, marked.</summary>
    public DateOnly? RevokedOn { get; set; }
    public string? RevocationReason { get; set; }
    /// <summary>The legal ground and the revoking decision, as stated.</summary>
    public string? RevocationGround { get; set; }
    public string? RevokedBy { get; set; }

    /// <summary>Codes and their Vietnamese names, in catalogue order (one catalogue: <see cref="Eligibility.EligibilityCodes.Catalogue"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Codes =
        Eligibility.EligibilityCodes.Catalogue.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);

    public static readonly string[] PersonTitleCodes = ["LDTT", "CSTDCS", "CSTD_BO", "CSTDTQ"];

    public static string Name(string code) => Codes.TryGetValue(code, out var n) ? n : code;

    public static string StatusName(AwardStatus s) => s == AwardStatus.Proposed ? "Đề nghị" : "Đã quyết định";

    /// <summary>The earliest year an achievement period may end: the first emulation decrees date from 1945.</summary>
    public const int FirstPeriodYear = 1945;

    /// <summary>The short label forms, the workbook and the guide use for a basis ("Loại thành tích").</summary>
    public static string BasisLabel(Eligibility.AwardBasis b) => b switch
    {
        Eligibility.AwardBasis.DotXuat => "Đột xuất",
        Eligibility.AwardBasis.ChuyenDe => "Chuyên đề",
        _ => "Công trạng",
    };

    public static readonly Eligibility.AwardBasis[] Bases = [Eligibility.AwardBasis.Merit, Eligibility.AwardBasis.DotXuat, Eligibility.AwardBasis.ChuyenDe];

    /// <summary>
    /// Reads a basis as officers type it: the label in any case, with or without diacritics, the contract's
    /// code (dot_xuat), or the long name; empty is merit, since most awards are for merit over a period.
    /// </summary>
    public static bool TryParseBasisLabel(string? s, out Eligibility.AwardBasis basis)
    {
        var folded = Infrastructure.VietnameseText.Fold(s).Replace('_', ' ');
        foreach (var b in Bases)
        {
            if (folded == Infrastructure.VietnameseText.Fold(BasisLabel(b)) || folded == Infrastructure.VietnameseText.Fold(Eligibility.EligibilityCodes.BasisName(b)))
            {
                basis = b;
                return true;
            }
        }
        basis = Eligibility.AwardBasis.Merit;
        return folded.Length == 0;
    }

    /// <summary>The decision year with the achievement period it states, as the registry shows it: "2020 (thành tích đến năm 2019)".</summary>
    public static string YearWithPeriod(int year, int? periodTo) =>
        periodTo is { } to && to != year ? $"{year} (thành tích đến năm {to})" : year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The fields of an award as the audit log records them, so a change shows its before and after values; the title
    /// or form by its Vietnamese name with its code: "2023 Bằng khen cấp bộ, ban (BK_BO); cấp quyết định: …".
    /// </summary>
    public string AuditText() =>
        $"{Year} {Name(Code)} ({Code}); cấp quyết định: {Authority}; số QĐ: {DecisionNumber ?? "—"}; ngày QĐ: {(DecisionDate is { } d ? Infrastructure.VnFormat.Date(d) : "—")}; " +
        $"thành tích đến năm: {(PeriodTo?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—")}; loại thành tích: {BasisLabel(Basis)}";
}
