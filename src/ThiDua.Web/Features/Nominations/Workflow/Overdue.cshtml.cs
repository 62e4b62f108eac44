using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Data;
using ThiDua.Features.Calendar;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations.Workflow;

/// <summary>Dossiers past their working-day deadline (appraisal or public comment), in the user's scope, with the working days overdue.</summary>
public sealed class OverdueModel(AppDbContext db, UnitScopeService scopes, TimeProvider clock) : PageModel
{
    public List<DossierRow> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var access = await WorkflowAccess.ForAsync(User, scopes, ct);
        Today = clock.VietnamToday();
        var today = Today;
        var cal = await WorkingCalendar.LoadAsync(db, ct);
        var q = WorkflowQueries.Readable(db, access)
            .Where(n => (n.State == NominationState.Submitted || n.State == NominationState.PublicComment) && n.DueOn != null && n.DueOn < today);
        Rows = await WorkflowQueries.RowsAsync(db, q, d => d is { } due ? cal.WorkingDaysBetween(due, today) : 0, ct);
        return Page();
    }
}
