using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Decisions;

/// <summary>Draft → Issued (or a cover letter → submitted upward), confirmed here with the number it will get and how many it names.</summary>
public sealed class IssueModel(AppDbContext db, UnitScopeService scope, DecisionService service, TimeProvider clock) : PageModel
{
    public Decision D { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public string? SignedOn { get; set; }
    public DateOnly Date { get; private set; }
    public int NextNumber { get; private set; }
    public string? Problem { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (d, actor) = await DecisionPages.LoadAsync(db, scope, User, id, ct);
        if (d is null) return NotFound();
        if (!DecisionAccess.CanIssue(actor, d)) return Forbid();
        D = d;
        if (d.State != DecisionState.Draft) Problem = "Quyết định đã ban hành.";
        Date = DateOnly.FromDateTime(VnFormat.ToVietnamTime(clock.GetUtcNow().UtcDateTime));
        if (!string.IsNullOrWhiteSpace(SignedOn))
        {
            if (SignedOn.Length > 20 || !VnFormat.TryParseDate(SignedOn, out var parsed) || parsed.Year is < DecisionService.MinYear or > DecisionService.MaxYear)
                Problem ??= "Ngày ký: hãy nhập ngày dạng 04/03/2020, trong các năm 2000–2100.";
            else Date = parsed;
        }
        if (d.Recipients.Count == 0) Problem ??= "Danh sách chưa có ai: hãy thêm người/tập thể trước khi ban hành.";
        NextNumber = await service.NextNumberAsync(d, Date.Year, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } r) return r;
        if (Problem is not null) return Page();
        var res = await service.IssueAsync(id, Date, User.UserName(), ct);
        if (!res.Ok) { Problem = res.Error; return Page(); }
        TempData["Message"] = D.Kind == DecisionKind.Upward ? "Đã trình cấp trên." : "Đã ban hành quyết định.";
        return RedirectToPage("Details", new { id });
    }
}
