using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations.Workflow;

/// <summary>
/// Bulk appraisal: the handler's submitted dossiers with checkboxes → a confirmation naming each one → accept all
/// (each its own moves, audit and save); a dossier changed meanwhile is skipped and named in the result.
/// </summary>
public sealed class BulkModel(AppDbContext db, NominationActions actions, UnitScopeService scopes, TimeProvider clock) : PageModel
{
    public List<DossierRow> Rows { get; private set; } = [];
    /// <summary>The dossiers to confirm (the "Review" step); null on the list.</summary>
    public List<DossierRow>? Confirm { get; private set; }
    public BulkResult? Result { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>Each ticked dossier as "id-version".</summary>
    [BindProperty, Display(Name = "Hồ sơ được chọn")] public List<string> Selected { get; set; } = [];

    private WorkflowAccess _access = null!;

    private async Task<bool> AllowedAsync(CancellationToken ct)
    {
        _access = await WorkflowAccess.ForAsync(User, scopes, ct);
        return _access.HandlesAny;
    }

    private IQueryable<Nomination> Waiting() =>
        WorkflowQueries.Handled(db, _access).Where(n => n.State == NominationState.Submitted && n.RecallRequest == null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(ct)) return Forbid();
        Rows = await WorkflowQueries.RowsAsync(db, Waiting(), _ => 0, ct);
        return Page();
    }

    private List<BulkItem>? Parse()
    {
        if (Selected.Count > NominationActions.MaxBulk) { Problem = $"Hồ sơ được chọn: tối đa {NominationActions.MaxBulk} hồ sơ một lần."; return null; }
        var items = new List<BulkItem>();
        foreach (var s in Selected)
        {
            var parts = (s ?? "").Split('-');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                Problem = "Hồ sơ được chọn: giá trị không hợp lệ; hãy chọn lại trong danh sách.";
                return null;
            }
            items.Add(new BulkItem(id, version));
        }
        if (items.Count == 0) { Problem = "Hồ sơ được chọn: hãy chọn ít nhất một hồ sơ."; return null; }
        return items;
    }

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(ct)) return Forbid();
        if (Parse() is not { } items)
        {
            Rows = await WorkflowQueries.RowsAsync(db, Waiting(), _ => 0, ct);
            return Page();
        }
        var ids = items.Select(i => i.Id).ToList();
        var found = await WorkflowQueries.RowsAsync(db, WorkflowQueries.Handled(db, _access).Where(n => ids.Contains(n.Id)), _ => 0, ct);
        // Keep the version the handler saw on the list, so a change between the list and the confirmation is caught.
        var seen = items.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.First().Version);
        Confirm = found.Select(r => r with { Version = seen[r.Id] }).ToList();
        if (Confirm.Count == 0)
        {
            Problem = "Hồ sơ được chọn: không có hồ sơ nào thuộc quyền xử lý của bạn.";
            Confirm = null;
            Rows = await WorkflowQueries.RowsAsync(db, Waiting(), _ => 0, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(ct)) return Forbid();
        if (Parse() is not { } items)
        {
            Rows = await WorkflowQueries.RowsAsync(db, Waiting(), _ => 0, ct);
            return Page();
        }
        var access = _access;
        Result = await actions.BulkAcceptAsync(items, access.IsHandler, User.UserName(), clock.GetUtcNow().UtcDateTime, ct);
        Rows = await WorkflowQueries.RowsAsync(db, Waiting(), _ => 0, ct);
        return Page();
    }
}
