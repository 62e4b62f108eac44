using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Scoring;

/// <summary>Draft → applied, confirmed on this page: the sheet freezes and every member unit gets a card.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.BlocSecretariat}")]
public sealed class ApplyModel(AppDbContext db, UnitScopeService scopes, ScoringService service) : PageModel
{
    public ScoreSheet Sheet { get; private set; } = null!;
    public int Members { get; private set; }
    public List<string> Problems { get; } = [];
    [BindProperty] public int Version { get; set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var sheet = await db.ScoreSheets.AsNoTracking().Include(s => s.Groups).ThenInclude(g => g.Criteria).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        Members = await service.MemberCountAsync(sheet.BlocId, sheet.Year, ct);
        Problems.AddRange(ScoringService.ApplyProblems(sheet, Members));
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        var o = await service.ApplyAsync(await ScoringActor.OfAsync(User, scopes, ct), id, Version, ct);
        if (!o.Ok) { Problems.Clear(); Problems.AddRange(o.Errors); return Page(); }
        TempData["Message"] = $"Đã áp dụng bảng tiêu chí; đã tạo {Members} phiếu chấm điểm.";
        return RedirectToPage("Sheet", new { id });
    }
}
