using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations;

/// <summary>
/// Editing the achievement report section by section (and the justification), while the dossier is a draft or
/// returned, by the owning agency's officers or the secretariat. The version seen is posted back: a save in between
/// is a conflict that keeps what was typed and shows what the other person saved.
/// </summary>
public sealed class EditModel(AppDbContext db, UnitScopeService scopes, DossierService service, TimeProvider clock) : PageModel
{
    public sealed class TextInput
    {
        public string? Achievement { get; set; }
        public string? ReportBackground { get; set; }
        public string? ReportMeasures { get; set; }
        public string? ReportAchievements { get; set; }
        public string? ReportPriorAwards { get; set; }
        public string? Justification { get; set; }

        public DossierText ToText() => new(Achievement, ReportBackground, ReportMeasures, ReportAchievements, ReportPriorAwards, Justification);
    }

    [BindProperty] public TextInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public Nomination Nomination { get; private set; } = null!;
    public string SubjectName { get; private set; } = "";
    public string? Problem { get; private set; }
    /// <summary>After a conflict: the sections as the other person saved them, by key.</summary>
    public Dictionary<string, string> Theirs { get; } = [];
    public bool NotEligible { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var n = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return NotFound();
        var access = await DossierAccess.ForAsync(User, scopes, ct);
        if (!access.CanRead(n.AgencyId) || !access.CanWrite(n.AgencyId)) return Forbid();
        Nomination = n;
        SubjectName = await service.SubjectNameAsync(n, ct);
        if (!DossierRules.IsEditable(n.State))
            Problem = $"Hồ sơ đang ở trạng thái \"{NominationWorkflow.StateName(n.State)}\": chỉ sửa được khi là dự thảo hoặc bị trả lại để bổ sung.";
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var n = Nomination;
        Input = new TextInput
        {
            Achievement = n.Achievement, ReportBackground = n.ReportBackground, ReportMeasures = n.ReportMeasures,
            ReportAchievements = n.ReportAchievements, ReportPriorAwards = n.ReportPriorAwards, Justification = n.Justification,
        };
        Version = n.Version;
        NotEligible = (await DossierChecks.RunAsync(db, n, ct)).NotEligible;
        return Page();
    }

    /// <summary>Saves: the dossier is the one in the route, checked against the user's agency; no id is read from the form.</summary>
    public async Task<IActionResult> OnPostAsync([FromRoute] int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (ModelState.TryGetValue(nameof(Version), out var bad) && bad.Errors.Count > 0)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "Phiên bản hồ sơ không hợp lệ; hãy mở lại trang sửa.");
            return Page();
        }
        if (Problem is not null) return Page();
        try
        {
            await service.SaveReportAsync(id, Version, Input.ToText(), User.UserName(), clock.GetUtcNow().UtcDateTime, ct);
        }
        catch (DossierRefusedException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return Page();
        }
        catch (DossierConflictException ex)
        {
            ModelState.AddModelError("", ex.Message);
            db.ChangeTracker.Clear();
            var now = await db.Nominations.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            var theirs = DossierText.Of(now);
            void Add(string key, string? value, string? mine)
            {
                if (!string.Equals((value ?? "").Trim(), (mine ?? "").Trim(), StringComparison.Ordinal)) Theirs[key] = value ?? "";
            }
            Add(nameof(TextInput.Achievement), theirs.Achievement, Input.Achievement);
            Add(nameof(TextInput.ReportBackground), theirs.ReportBackground, Input.ReportBackground);
            Add(nameof(TextInput.ReportMeasures), theirs.ReportMeasures, Input.ReportMeasures);
            Add(nameof(TextInput.ReportAchievements), theirs.ReportAchievements, Input.ReportAchievements);
            Add(nameof(TextInput.ReportPriorAwards), theirs.ReportPriorAwards, Input.ReportPriorAwards);
            Add(nameof(TextInput.Justification), theirs.Justification, Input.Justification);
            // Saving again now deliberately replaces the other person's text with the one in the form.
            Version = now.Version;
            ModelState.Remove(nameof(Version));
            return Page();
        }
        TempData["Message"] = "Đã lưu báo cáo thành tích.";
        return RedirectToPage("Details", new { id });
    }
}
