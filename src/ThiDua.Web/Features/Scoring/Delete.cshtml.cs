using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Scoring;

/// <summary>Removing a group or a criterion from a draft sheet, confirmed on this page.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.BlocSecretariat}")]
public sealed class DeleteModel(AppDbContext db, UnitScopeService scopes, ScoringService service) : PageModel
{
    public ScoreSheet Sheet { get; private set; } = null!;
    public string What { get; private set; } = "";
    public List<string> Errors { get; } = [];
    [BindProperty(SupportsGet = true)] public int? Group { get; set; }
    [BindProperty(SupportsGet = true)] public int? Criterion { get; set; }
    [BindProperty] public int Version { get; set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var sheet = await db.ScoreSheets.AsNoTracking().Include(s => s.Groups).ThenInclude(g => g.Criteria).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        if (Group is { } g && sheet.Groups.FirstOrDefault(x => x.Id == g) is { } group)
            What = $"nhóm \"{group.Name}\" cùng {group.Criteria.Count} tiêu chí của nhóm";
        else if (Criterion is { } c && sheet.Groups.SelectMany(x => x.Criteria).FirstOrDefault(x => x.Id == c) is { } crit)
            What = $"tiêu chí \"{crit.Name}\"";
        else return NotFound();
        if (sheet.State != SheetState.Draft) Errors.Add("Bảng tiêu chí không còn là dự thảo: không xóa nhóm hoặc tiêu chí được nữa.");
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        var actor = await ScoringActor.OfAsync(User, scopes, ct);
        var o = Group is { } g ? await service.DeleteGroupAsync(actor, id, g, Version, ct) : await service.DeleteCriterionAsync(actor, id, Criterion!.Value, Version, ct);
        if (!o.Ok) { Errors.AddRange(o.Errors); return Page(); }
        TempData["Message"] = $"Đã xóa {What}.";
        return RedirectToPage("Sheet", new { id });
    }
}
