using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Scoring;

/// <summary>Applied → closed after the summary conference, confirmed on this page: the sheet and its cards lock.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.BlocSecretariat}")]
public sealed class CloseModel(AppDbContext db, UnitScopeService scopes, ScoringService service) : PageModel
{
    public ScoreSheet Sheet { get; private set; } = null!;
    public List<string> Problems { get; } = [];
    [BindProperty] public int Version { get; set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var sheet = await db.ScoreSheets.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        if (ScoringService.CloseProblem(sheet) is { } p) Problems.Add(p);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        var o = await service.CloseAsync(await ScoringActor.OfAsync(User, scopes, ct), id, Version, ct);
        if (!o.Ok) { Problems.Clear(); Problems.AddRange(o.Errors); return Page(); }
        TempData["Message"] = "Đã khóa bảng tiêu chí.";
        return RedirectToPage("Sheet", new { id });
    }
}
