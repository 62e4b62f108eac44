using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Decisions;

/// <summary>Records the higher level's decision on a cover letter: which dossiers were granted.</summary>
public sealed class HigherModel(AppDbContext db, UnitScopeService scope, DecisionService service) : PageModel
{
    public Decision D { get; private set; } = null!;
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Authority { get; set; }
    [BindProperty] public List<int> Granted { get; set; } = [];
    public string? Problem { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (d, actor) = await DecisionPages.LoadAsync(db, scope, User, id, ct);
        if (d is null) return NotFound();
        if (d.Kind != DecisionKind.Upward || !DecisionAccess.CanRecord(actor, d)) return Forbid();
        D = d;
        if (d.State != DecisionState.Issued) Problem = "Tờ trình chưa được trình.";
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } r) return r;
        Authority = D.HigherAuthority;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } r) return r;
        if (Problem is not null) return Page();
        if (Date is not { Length: <= 20 } || !VnFormat.TryParseDate(Date, out var date)) { Problem = "Ngày quyết định: hãy nhập ngày dạng 20/04/2020."; return Page(); }
        if (Granted.Count > 1000) { Problem = "Danh sách chọn không hợp lệ."; return Page(); }
        var res = await service.RecordHigherAsync(id, Number ?? "", date, Authority ?? "", Granted, User.UserName(), ct);
        if (!res.Ok) { Problem = res.Error; return Page(); }
        TempData["Message"] = "Đã ghi quyết định của cấp trên.";
        return RedirectToPage("Details", new { id });
    }
}
