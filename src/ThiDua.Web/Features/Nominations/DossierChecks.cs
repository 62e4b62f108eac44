using ThiDua.Data;

namespace ThiDua.Features.Nominations;

/// <summary>What the dossier page shows and what submitting checks: the engine's verdict, warnings, missing documents.</summary>
/// <param name="Verdict">The engine's verdict for the dossier's code ("Đủ điều kiện", "Chưa đủ điều kiện", ...), null when the engine has no rule for it.</param>
/// <param name="NotEligible">The engine says "not eligible": submitting then needs <see cref="Nomination.Justification"/>.</param>
/// <param name="Reasons">The verdict's reasons, each with its legal basis.</param>
/// <param name="Warnings">Registration missing, the same subject/year/form at another level, one achievement for two forms.</param>
/// <param name="Missing">The document kinds the checklist requires for the code and year that the dossier lacks.</param>
public sealed record DossierCheckResult(
    string? Verdict,
    bool NotEligible,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<DossierDocumentKind> Missing);

public static class DossierChecks
{
    /// <summary>SKELETON: the dossier feature computes the real result.</summary>
    public static Task<DossierCheckResult> RunAsync(AppDbContext db, Nomination n, CancellationToken ct = default) =>
        Task.FromResult(new DossierCheckResult(null, false, [], [], []));
}
