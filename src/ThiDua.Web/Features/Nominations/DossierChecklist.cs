using ThiDua.Features.Eligibility;

namespace ThiDua.Features.Nominations;

/// <summary>
/// The decree whose forms and dossier rules apply on the day the dossier is filed (procedure follows the text in force
/// when the dossier is made, not the year of the achievement). Each edition names its report forms.
/// </summary>
/// <param name="Decree">The decree's short name.</param>
/// <param name="From">The first day it applies.</param>
/// <param name="CollectiveForm">The form of the collective achievement report.</param>
/// <param name="PersonForm">The form of the individual achievement report.</param>
/// <param name="DossierArticles">Where the decree lists what a dossier contains.</param>
/// <param name="Source">How far it was checked (see shared/domain/legal-rules.md §0 and §5).</param>
public sealed record DecreeEdition(string Decree, DateOnly From, string CollectiveForm, string PersonForm, string DossierArticles, string Source)
{
    /// <summary>Parameters: the dates and form numbers. Where a detail was not read in the text itself, the source says "chưa kiểm chứng".</summary>
    public static readonly IReadOnlyList<DecreeEdition> All =
    [
        new("Nghị định 91/2017/NĐ-CP", new DateOnly(2017, 10, 1), "Mẫu số 01", "Mẫu số 02", "Điều 45–49, Điều 55",
            "chưa kiểm chứng: số mẫu (Phụ lục Nghị định 91/2017) và số điều về hồ sơ không đọc được trong toàn văn; Điều 49 (hồ sơ CSTĐTQ) theo legal-rules.md §5 🟡"),
        new("Nghị định 98/2023/NĐ-CP", new DateOnly(2024, 1, 1), "Mẫu số 02", "Mẫu số 03", "Điều 84–86",
            "Mẫu số 02/03: Phụ lục I Nghị định 98/2023 ✅ (legal-rules.md §5); ngày hiệu lực 01/01/2024 theo legal-rules.md §0 (đề bài ghi 15/01/2024: chưa kiểm chứng); Điều 84–86: chưa kiểm chứng"),
        new("Nghị định 152/2025/NĐ-CP", new DateOnly(2025, 7, 1), "Mẫu số 02", "Mẫu số 03", "Điều 42",
            "Điều 42 (hồ sơ Bằng khen của Thủ tướng) ✅; ngày hiệu lực 01/07/2025 🟡; việc đánh số lại các mẫu: chưa kiểm chứng (giữ số mẫu của Nghị định 98/2023)"),
    ];

    public static DecreeEdition On(DateOnly day) => All.LastOrDefault(e => e.From <= day) ?? All[0];

    public string FormFor(NominationSubject s) => s == NominationSubject.Person ? PersonForm : CollectiveForm;

    /// <summary>"Mẫu số 03 (Nghị định 98/2023/NĐ-CP)".</summary>
    public string FormName(NominationSubject s) => $"{FormFor(s)} ({Decree})";
}

/// <summary>One document kind a dossier must hold, with its legal basis.</summary>
public sealed record ChecklistItem(DossierDocumentKind Kind, string Basis);

/// <summary>
/// The documents a dossier must hold for its code, basis and filing date. The generated report (/Nominations/Report)
/// is a draft for the unit to sign: it does NOT count as the achievement report; the signed and confirmed report
/// (báo cáo thành tích có xác nhận của cấp trình) must be attached as <see cref="DossierDocumentKind.AchievementReport"/>.
/// </summary>
public static class DossierChecklist
{
    /// <summary>Forms whose dossier also holds the proof of the initiatives' effect and scope (xác nhận hiệu quả, phạm vi ảnh hưởng của sáng kiến).</summary>
    public static readonly string[] InitiativeCodes = [EligibilityCodes.CSTDTQ, EligibilityCodes.CSTD_BO];

    public static IReadOnlyList<ChecklistItem> For(string code, AwardBasis basis, DateOnly filedOn)
    {
        var e = DecreeEdition.On(filedOn);
        var items = new List<ChecklistItem>
        {
            new(DossierDocumentKind.CoverLetter, $"Tờ trình đề nghị khen thưởng — {e.Decree} {e.DossierArticles} ({e.Source})"),
        };
        if (basis == AwardBasis.DotXuat)
        {
            // Thủ tục đơn giản (Luật TĐKT 2022 Điều 85): the cover letter and a short report of the achievement only.
            items.Add(new(DossierDocumentKind.AchievementReport, "Báo cáo tóm tắt thành tích — thủ tục đơn giản, Luật Thi đua, khen thưởng 2022 Điều 85 (🟡, legal-rules.md §5)"));
            return items;
        }
        items.Add(new(DossierDocumentKind.AchievementReport, $"Báo cáo thành tích có xác nhận của cấp trình ({e.CollectiveForm}/{e.PersonForm}) — {e.Decree} {e.DossierArticles}"));
        items.Add(new(DossierDocumentKind.Minutes, code == EligibilityCodes.CSTDTQ
            ? "Biên bản họp và kết quả bỏ phiếu kín của Hội đồng TĐKT — Nghị định 91/2017 Điều 49 (🟡, legal-rules.md §4)"
            : $"Biên bản xét khen thưởng của Hội đồng TĐKT — {e.Decree} {e.DossierArticles} (Nghị định 152/2025 Điều 42 ✅ cho Bằng khen của Thủ tướng; các hình thức khác: chưa kiểm chứng)"));
        if (InitiativeCodes.Contains(code, StringComparer.Ordinal))
            items.Add(new(DossierDocumentKind.Initiative, code == EligibilityCodes.CSTDTQ
                ? "Xác nhận hiệu quả, phạm vi ảnh hưởng của sáng kiến — Nghị định 91/2017 Điều 49 (🟡)"
                : "Quyết định công nhận sáng kiến có phạm vi ảnh hưởng cấp bộ — chưa kiểm chứng"));
        return items;
    }

    public static IReadOnlyList<DossierDocumentKind> Missing(IReadOnlyList<ChecklistItem> required, IEnumerable<DossierDocumentKind> held)
    {
        var have = held.ToHashSet();
        return required.Select(r => r.Kind).Where(k => !have.Contains(k)).Distinct().ToList();
    }
}
