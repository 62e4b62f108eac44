using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Decisions;

public sealed class DetailsModel(AppDbContext db, UnitScopeService scope) : PageModel
{
    public Decision D { get; private set; } = null!;
    public bool CanDraft { get; private set; }
    public bool CanIssue { get; private set; }
    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (d, actor) = await DecisionPages.LoadAsync(db, scope, User, id, ct);
        if (d is null) return NotFound();
        D = d;
        CanDraft = d.State == DecisionState.Draft && DecisionAccess.CanDraft(actor, d);
        CanIssue = d.State == DecisionState.Draft && DecisionAccess.CanIssue(actor, d);
        CanRecord = d.State == DecisionState.Issued && DecisionAccess.CanRecord(actor, d);
        return Page();
    }
}
