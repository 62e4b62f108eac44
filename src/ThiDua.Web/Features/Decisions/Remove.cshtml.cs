using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Decisions;

/// <summary>Removes one recipient from a draft, confirmed on this page.</summary>
public sealed class RemoveModel(AppDbContext db, UnitScopeService scope, DecisionService service) : PageModel
{
    public DecisionRecipient R { get; private set; } = null!;
    public string? Problem { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var decisionId = await db.DecisionRecipients.Where(r => r.Id == id).Select(r => (int?)r.DecisionId).FirstOrDefaultAsync(ct);
        if (decisionId is null) return NotFound();
        var (d, actor) = await DecisionPages.LoadAsync(db, scope, User, decisionId.Value, ct);
        if (d is null) return NotFound();
        if (!DecisionAccess.CanDraft(actor, d)) return Forbid();
        R = d.Recipients.Single(r => r.Id == id);
        R.Decision = d;
        if (d.State != DecisionState.Draft) Problem = "Quyết định đã ban hành: không bỏ được ai khỏi danh sách.";
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } r) return r;
        if (Problem is not null) return Page();
        var res = await service.RemoveRecipientAsync(id, User.UserName(), ct);
        if (!res.Ok) { Problem = res.Error; return Page(); }
        TempData["Message"] = $"Đã bỏ {R.DisplayName} khỏi dự thảo.";
        return RedirectToPage("Details", new { id = R.DecisionId });
    }
}
