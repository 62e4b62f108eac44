namespace ThiDua.Features.Nominations.Workflow;

/// <summary>One row of the table of forms published for public comment (lấy ý kiến nhân dân) before the council.</summary>
/// <param name="Match">An award code, or a code prefix ending in "*" (e.g. "HC_*" for every Huân chương).</param>
/// <param name="Name">What the row covers.</param>
/// <param name="Source">The legal source and how far it was verified (legal-rules.md labels: ✅ seen, 🟡 secondary, ❌ unverified).</param>
public sealed record PublicCommentRule(string Match, string Name, string Source);

/// <summary>
/// Which titles and forms must be published for public comment before the council votes on them. A parameter table:
/// the sources were not read in full (see docs/nomination-workflow.md); confirm with the Ban TĐKT before relying on it.
/// </summary>
public static class PublicCommentForms
{
    public static readonly IReadOnlyList<PublicCommentRule> Table =
    [
        new("CSTDTQ", "Chiến sĩ thi đua toàn quốc",
            "🟡 TT 12/2019/TT-BNV (lấy ý kiến nhân dân trên phương tiện thông tin của cơ quan), legal-rules.md §5 và R4 \"luôn qua Hội đồng cấp bộ và lấy ý kiến nhân dân\"; còn hiệu lực theo TT 15/2025 hay không: ❌ chưa kiểm tra"),
        new("HC_*", "Huân chương các loại",
            "🟡 TT 12/2019/TT-BNV (legal-rules.md §5); ❌ chưa kiểm tra với Luật TĐKT 2022 / NĐ 98/2023"),
        new("AH_*", "Danh hiệu vinh dự Nhà nước (Anh hùng Lao động, Anh hùng LLVTND)",
            "🟡 TT 12/2019/TT-BNV (legal-rules.md §5: \"danh hiệu vinh dự\"); ❌ chưa kiểm tra với Luật TĐKT 2022 / NĐ 98/2023"),
        new("NHANDAN_*", "Danh hiệu vinh dự \"Nhà giáo/Thầy thuốc/Nghệ sĩ nhân dân, ưu tú\"",
            "🟡 TT 12/2019/TT-BNV (legal-rules.md §5: \"danh hiệu vinh dự\"); ❌ chưa kiểm tra"),
    ];

    /// <summary>Whether a dossier for <paramref name="code"/> goes to public comment after appraisal.</summary>
    public static bool Requires(string code) => Table.Any(r => r.Match.EndsWith('*')
        ? code.StartsWith(r.Match[..^1], StringComparison.Ordinal)
        : string.Equals(code, r.Match, StringComparison.Ordinal));
}
