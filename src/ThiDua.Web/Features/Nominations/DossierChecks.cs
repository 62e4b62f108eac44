using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Features.Eligibility;
using ThiDua.Features.Registrations;
using ThiDua.Infrastructure;

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
    /// <summary>
    /// The live checks of a dossier: the eligibility engine's verdict for its code and year (rule set of the year,
    /// registry facts as they are now), and the warnings:
    /// (a) a registrable title that the subject was not registered for at the start of the year (a submitted or approved registration);
    /// (b) another dossier, not rejected, of the same subject, year and code (at another level, by another agency, or a second one);
    /// (c) one achievement used for two forms: another dossier, not rejected, of the same subject for a DIFFERENT code whose
    ///     achievement line is the same (ignoring case and spaces), or whose basis is the same one-off (đột xuất) or
    ///     thematic (chuyên đề) achievement with an overlapping achievement period (Luật TĐKT 2022: một thành tích chỉ
    ///     được khen một hình thức; merit over a period legitimately earns a title and a form in the same year).
    /// (d) the engine says "not eligible": <see cref="DossierCheckResult.NotEligible"/>.
    /// </summary>
    public static async Task<DossierCheckResult> RunAsync(AppDbContext db, Nomination n, CancellationToken ct = default)
    {
        var warnings = new List<string>();
        var reasons = new List<string>();
        string? verdictText = null;
        var notEligible = false;

        var book = RuleBookStore.Compose(await db.RuleSets.AsNoTracking().OrderBy(r => r.UploadedUtc).ToListAsync(ct)).Book;
        var set = book.Find(n.Year);
        EligibilityResult? result = null;
        if (set is null)
        {
            reasons.Add($"Chưa có bộ quy tắc xét điều kiện cho năm {n.Year}: không có kết luận tự động.");
        }
        else
        {
            var engine = new EligibilityEngine(set, n.Year);
            if (n.Subject == NominationSubject.Person && n.PersonId is { } pid && EligibilityCodes.Individual.Contains(n.Code, StringComparer.Ordinal))
            {
                var facts = await RegistryFacts.ForPeopleAsync(db, [pid], ct);
                if (facts.Count > 0) result = engine.Evaluate(facts[0]).FirstOrDefault(r => r.Code == n.Code);
            }
            else if (n.Subject == NominationSubject.Collective && n.UnitId is { } uid && EligibilityCodes.Collective.Contains(n.Code, StringComparer.Ordinal))
            {
                var today = DateOnly.FromDateTime(VnFormat.ToVietnamTime(DateTime.UtcNow));
                var figures = await RegistryFacts.ForUnitsAsync(db, [uid], n.Year, set, today, ct);
                if (figures.Count > 0) result = engine.Evaluate(figures[0].Facts).FirstOrDefault(r => r.Code == n.Code);
            }
            if (result is null)
                reasons.Add($"Bộ quy tắc {set.Code} không có tiêu chuẩn tự động cho {AwardRecord.Name(n.Code)}: đơn vị tự đối chiếu tiêu chuẩn.");
        }
        if (result is not null)
        {
            verdictText = DossierRules.VerdictName(result.Verdict);
            notEligible = result.Verdict == Verdict.NotEligible;
            var basis = result.Basis.Count == 0 ? "" : $" (căn cứ: {string.Join("; ", result.Basis)})";
            reasons.AddRange(result.Reasons.Select(r => r + basis));
            if (result.Verdict == Verdict.Deferred) warnings.Add("Đối tượng đang trong thời gian xem xét kỷ luật, thanh tra, giải quyết khiếu nại: hoãn xét.");
        }

        // (a) registration at the start of the year
        if (DossierRules.IsRegistrable(n.Code)
            && !await RegistrationQueries.IsRegisteredAsync(db, n.Year, n.Subject == NominationSubject.Collective ? n.UnitId : null, n.Subject == NominationSubject.Person ? n.PersonId : null, n.Code, ct))
            warnings.Add($"Chưa đăng ký: {AwardRecord.Name(n.Code)} không có trong bản đăng ký thi đua năm {n.Year} (đã nộp hoặc đã duyệt) của đối tượng (Luật Thi đua, khen thưởng 2022 Điều 17: đăng ký thi đua đầu năm).");

        var others = await SameSubject(db, n).Select(o => new
        {
            o.Id, o.Code, o.Level, o.AgencyId, Agency = o.Agency!.Name, o.State, o.Basis, o.PeriodFrom, o.PeriodTo, o.Achievement, o.Year,
        }).ToListAsync(ct);
        // (b) the same subject, year and form elsewhere
        foreach (var o in others.Where(o => o.Year == n.Year && o.Code == n.Code))
        {
            var where = o.AgencyId != n.AgencyId ? $"bởi {o.Agency}" : o.Level != n.Level ? $"ở {DossierRules.LevelName(o.Level).ToLowerInvariant()}" : "trong một hồ sơ khác";
            warnings.Add(FormattableString.Invariant($"Trùng đề nghị: đối tượng đã được đề nghị {AwardRecord.Name(n.Code)} năm {n.Year} {where} (hồ sơ số {o.Id}, {NominationWorkflow.StateName(o.State)})."));
        }
        // (c) one achievement for two forms
        var line = Normalize(n.Achievement);
        foreach (var o in others.Where(o => o.Code != n.Code))
        {
            var sameLine = line.Length > 0 && Normalize(o.Achievement) == line;
            var sameOneOff = n.Basis != AwardBasis.Merit && o.Basis == n.Basis && Overlaps(n.PeriodFrom ?? n.Year, n.PeriodTo ?? n.Year, o.PeriodFrom ?? o.Year, o.PeriodTo ?? o.Year);
            if (sameLine || sameOneOff)
                warnings.Add(FormattableString.Invariant($"Một thành tích đề nghị hai hình thức: hồ sơ số {o.Id} ({AwardRecord.Name(o.Code)}, năm {o.Year}) {(sameLine ? "có cùng nội dung thành tích" : $"dựa trên cùng {DossierRules.BasisName(o.Basis).ToLowerInvariant()} trong khoảng thời gian trùng nhau")} (một thành tích chỉ được đề nghị một hình thức khen thưởng)."));
        }

        var held = await db.DossierDocuments.AsNoTracking().Where(d => d.NominationId == n.Id).Select(d => d.Kind).ToListAsync(ct);
        var required = DossierChecklist.For(n.Code, n.Basis, FiledOn(n));
        var missing = DossierChecklist.Missing(required, held);
        return new DossierCheckResult(verdictText, notEligible, reasons, warnings, missing);
    }

    /// <summary>The Vietnam date the dossier was made: the day whose decree governs its forms and documents.</summary>
    public static DateOnly FiledOn(Nomination n) => DateOnly.FromDateTime(VnFormat.ToVietnamTime(n.CreatedUtc == default ? DateTime.UtcNow : n.CreatedUtc));

    private static IQueryable<Nomination> SameSubject(AppDbContext db, Nomination n)
    {
        var q = db.Nominations.AsNoTracking().Where(o => o.Id != n.Id && o.State != NominationState.Rejected && o.Subject == n.Subject);
        return n.Subject == NominationSubject.Person ? q.Where(o => o.PersonId == n.PersonId) : q.Where(o => o.UnitId == n.UnitId);
    }

    private static bool Overlaps(int aFrom, int aTo, int bFrom, int bTo) => aFrom <= bTo && bFrom <= aTo;

    private static string Normalize(string? s) => string.Join(' ', (s ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
