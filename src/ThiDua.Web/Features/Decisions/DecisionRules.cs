using System.Globalization;
using System.Security.Cryptography;
using ThiDua.Features.Eligibility;

namespace ThiDua.Features.Decisions;

/// <summary>A parameter valid from a date, with the text it comes from and whether that text was checked.</summary>
public sealed record Dated<T>(DateOnly From, T Value, string Source, bool Verified);

/// <summary>The statistical category a recipient is counted under (thống kê khen thưởng).</summary>
public sealed record RecipientCategory(string Code, string Name);

/// <summary>
/// The pure rules of a decision: the money (hệ số × lương cơ sở, rounded), the printed number, the verification
/// code, the default trích yếu and căn cứ. Every legal figure is a dated parameter with its source; figures not
/// confirmed in shared/domain are marked "chưa kiểm chứng" (<see cref="Dated{T}.Verified"/> false).
/// </summary>
public static class DecisionRules
{
    /// <summary>Mức lương cơ sở by the date it took effect.</summary>
    public static readonly IReadOnlyList<Dated<long>> BaseSalary =
    [
        new(new DateOnly(2018, 7, 1), 1_390_000, "Nghị định 72/2018/NĐ-CP", false),
        new(new DateOnly(2019, 7, 1), 1_490_000, "Nghị định 38/2019/NĐ-CP", false),
        new(new DateOnly(2023, 7, 1), 1_800_000, "Nghị định 24/2023/NĐ-CP", false),
        new(new DateOnly(2024, 7, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP", false),
    ];

    /// <summary>
    /// Hệ số mức tiền thưởng per form, for a person and for a collective, by the decree in force. NĐ 98/2023 Điều 54
    /// (verified in shared/domain/legal-verification.md "Money") for the titles; the same figures are reported for
    /// NĐ 91/2017. Bằng khen cấp bộ (1,0 / 2,0) and Giấy khen (0,3 / 0,6) are from memory of NĐ 91/2017 Điều 72 and
    /// NĐ 98/2023 Điều 54: chưa kiểm chứng.
    /// </summary>
    public static readonly IReadOnlyList<Dated<IReadOnlyDictionary<string, (decimal Person, decimal Collective)>>> Coefficients =
    [
        new(new DateOnly(2017, 10, 1), Table(), "Nghị định 91/2017/NĐ-CP (mức cũ, theo tài liệu thứ cấp)", false),
        new(new DateOnly(2024, 1, 1), Table(), "Nghị định 98/2023/NĐ-CP Điều 54", true),
        new(new DateOnly(2025, 7, 1), Table(), "Nghị định 152/2025/NĐ-CP (Điều 50 theo một nguồn)", false),
    ];

    /// <summary>Codes whose coefficient is not in the verified text.</summary>
    public static readonly IReadOnlySet<string> UnverifiedCoefficients = new HashSet<string>(StringComparer.Ordinal) { "BK_BO", "GK", "BK_TTG" };

    private static Dictionary<string, (decimal, decimal)> Table() => new(StringComparer.Ordinal)
    {
        ["CSTDTQ"] = (4.5m, 0m),
        ["CSTD_BO"] = (3.0m, 0m),
        ["CSTDCS"] = (1.0m, 0m),
        ["LDTT"] = (0.3m, 0m),
        ["TTLDXS"] = (0m, 1.5m),
        ["TTLDTT"] = (0m, 0.8m),
        ["CO_CP"] = (0m, 12.0m),
        ["CO_BO"] = (0m, 8.0m),
        ["BK_BO"] = (1.0m, 2.0m),
        ["GK"] = (0.3m, 0.6m),
        ["BK_TTG"] = (3.0m, 6.0m),
    };

    /// <summary>The rounding: "làm tròn số lên hàng chục nghìn đồng" (NĐ 91/2017 and NĐ 98/2023 — article chưa kiểm chứng).</summary>
    public const string RoundingRule = "làm tròn lên hàng chục nghìn đồng (chưa kiểm chứng số điều)";

    public static Dated<long> BaseSalaryOn(DateOnly d) => BaseSalary.LastOrDefault(b => b.From <= d) ?? BaseSalary[0];

    public static decimal CoefficientOf(string code, bool collective, DateOnly on)
    {
        var table = Coefficients.LastOrDefault(c => c.From <= on) ?? Coefficients[0];
        return table.Value.TryGetValue(code, out var c) ? (collective ? c.Collective : c.Person) : 0m;
    }

    /// <summary>Coefficient × base salary, rounded up to the ten thousand đồng.</summary>
    public static long Amount(decimal coefficient, long baseSalary)
    {
        var raw = coefficient * baseSalary;
        return (long)(Math.Ceiling(raw / 10_000m) * 10_000m);
    }

    /// <summary>"12-QĐ/BTCTW" (Party) or "12/QĐ-BNV" (State); a cover letter is "TTr".</summary>
    public static string NumberText(DocumentSystem system, DecisionKind kind, int number, string issuerAbbreviation)
    {
        var type = kind == DecisionKind.Upward ? "TTr" : "QĐ";
        return system == DocumentSystem.Party
            ? FormattableString.Invariant($"{number}-{type}/{issuerAbbreviation}")
            : FormattableString.Invariant($"{number}/{type}-{issuerAbbreviation}");
    }

    /// <summary>The abbreviation after the slash: the agency's code, or "KTĐ" (Khối thi đua) for the bloc leader's decisions.</summary>
    public static string Abbreviation(string issuerCode, bool bloc) => bloc ? "KTĐ" : issuerCode;

    /// <summary>
    /// The document system of an issuer. Units carry no such property yet; a Party body is recognised by its name
    /// (Ban … Trung ương, Đảng ủy, Văn phòng Trung ương Đảng, Học viện Chính trị, báo/tạp chí của Đảng); the demo's
    /// agencies are all central Party agencies. The draft's field may be changed.
    /// </summary>
    public static DocumentSystem SystemOf(string issuerName, bool partyBloc)
    {
        if (partyBloc) return DocumentSystem.Party;
        var n = issuerName.ToLower(CultureInfo.GetCultureInfo("vi-VN"));
        return n.Contains("đảng", StringComparison.Ordinal) || n.Contains("trung ương", StringComparison.Ordinal) || n.Contains("học viện chính trị", StringComparison.Ordinal)
            ? DocumentSystem.Party : DocumentSystem.State;
    }

    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // 32 symbols: no 0/O, 1/I/L

    /// <summary>A 12-character code from a 32-symbol alphabet: 60 bits from the system's cryptographic generator.</summary>
    public static string NewVerificationCode()
    {
        Span<char> c = stackalloc char[12];
        for (var i = 0; i < c.Length; i++) c[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(c);
    }

    public static bool IsVerificationCode(string? s) => s is { Length: 12 } && s.All(ch => Alphabet.Contains(ch, StringComparison.Ordinal));

    /// <summary>
    /// Statistical categories of the reporting forms on commendation (the categories used in Thông tư of Bộ Nội vụ on
    /// statistics of emulation and commendation: leaders from department level up, civil servants and public employees,
    /// workers/farmers/labourers, collectives). The list is a working assumption: chưa kiểm chứng against the form.
    /// </summary>
    public static readonly IReadOnlyList<RecipientCategory> Categories =
    [
        new("LANH_DAO", "Lãnh đạo cấp vụ và tương đương trở lên"),
        new("CBCCVC", "Cán bộ, công chức, viên chức"),
        new("CN_ND_LD", "Công nhân, nông dân, người lao động"),
        new("KHAC", "Đối tượng khác"),
        new("TAP_THE", "Tập thể"),
    ];

    public static string CategoryName(string? code) => Categories.FirstOrDefault(c => c.Code == code)?.Name ?? "—";

    /// <summary>A person's default category from their position: heads and deputies of a department or above are leaders.</summary>
    public static string DefaultCategory(bool collective, string? position)
    {
        if (collective) return "TAP_THE";
        var p = (position ?? "").ToLower(CultureInfo.GetCultureInfo("vi-VN"));
        return p.Contains("vụ trưởng", StringComparison.Ordinal) || p.Contains("trưởng ban", StringComparison.Ordinal) || p.Contains("cục trưởng", StringComparison.Ordinal)
            || p.Contains("giám đốc", StringComparison.Ordinal) || p.Contains("chánh văn phòng", StringComparison.Ordinal)
            ? "LANH_DAO" : "CBCCVC";
    }

    public static string FormName(string code) => EligibilityCodes.VietnameseName(code);

    /// <summary>"Về việc tặng Bằng khen cấp bộ, ban, ngành, tỉnh" — prefilled trích yếu.</summary>
    public static string DefaultSubject(string code, DecisionKind kind, int year) => kind == DecisionKind.Upward
        ? FormattableString.Invariant($"Về việc đề nghị tặng {FormName(code)} năm {year}")
        : FormattableString.Invariant($"Về việc tặng {FormName(code)} năm {year}");

    /// <summary>The law and decree in force on a date (Luật 2022 and NĐ 98/2023 from 01/01/2024; NĐ 152/2025 from 01/07/2025).</summary>
    public static (string Law, string Decree) LegalBasisOn(DateOnly d) =>
        d >= new DateOnly(2025, 7, 1) ? ("Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022", "Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết Luật Thi đua, khen thưởng")
        : d >= new DateOnly(2024, 1, 1) ? ("Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022", "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng")
        : ("Luật Thi đua, khen thưởng năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng năm 2005 và năm 2013", "Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng");

    /// <summary>Căn cứ, one per line: the law, the decree, the issuer's regulation, the council's proposal.</summary>
    public static string DefaultGrounds(DateOnly on, string issuerName, bool bloc, string? blocName)
    {
        var (law, decree) = LegalBasisOn(on);
        var lines = new List<string> { $"Căn cứ {law};", $"Căn cứ {decree};" };
        lines.Add(bloc && blocName is not null
            ? $"Căn cứ Quy chế hoạt động của {blocName};"
            : $"Căn cứ Quy chế thi đua, khen thưởng của {issuerName};");
        lines.Add(bloc ? "Xét kết quả bình xét, suy tôn tại Hội nghị tổng kết của Khối và đề nghị của Hội đồng Thi đua - Khen thưởng Khối," : "Xét đề nghị của Hội đồng Thi đua - Khen thưởng,");
        return string.Join('\n', lines);
    }

    public const string DefaultRevocationGround = "Luật Thi đua, khen thưởng số 06/2022/QH15, Chương VII (thu hồi, hủy bỏ quyết định khen thưởng; số điều chưa kiểm chứng)";

    public static string MoneyText(long vnd) => Infrastructure.VnFormat.Number(vnd) + " đồng";
}
