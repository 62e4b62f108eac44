using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Decisions;

/// <summary>Thu hồi one award of an issued decision: reason, legal ground, the revoking decision; reviewed, then confirmed.</summary>
public sealed class RevokeModel(AppDbContext db, UnitScopeService scope, DecisionService service, TimeProvider clock) : PageModel
{
    public DecisionRecipient R { get; private set; } = null!;
    public Decision D { get; private set; } = null!;
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Ground { get; set; } = DecisionRules.DefaultRevocationGround;
    [BindProperty] public string? RevokingDecision { get; set; }
    [BindProperty] public string? RevokedOn { get; set; }
    [BindProperty] public bool Confirm { get; set; }
    public List<string> Problems { get; } = [];
    public bool Reviewing { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var decisionId = await db.DecisionRecipients.Where(r => r.Id == id).Select(r => (int?)r.DecisionId).FirstOrDefaultAsync(ct);
        if (decisionId is null) return NotFound();
        var (d, actor) = await DecisionPages.LoadAsync(db, scope, User, decisionId.Value, ct);
        if (d is null) return NotFound();
        if (!DecisionAccess.CanRecord(actor, d) || d.Kind != DecisionKind.Decision) return Forbid();
        D = d;
        R = d.Recipients.Single(r => r.Id == id);
        if (d.State != DecisionState.Issued || R.Award is null) Problems.Add("Chỉ thu hồi được khen thưởng của quyết định đã ban hành.");
        else if (R.Award.RevokedOn is not null) Problems.Add("Khen thưởng này đã bị thu hồi.");
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } r) return r;
        RevokedOn = VnFormat.Date(DateOnly.FromDateTime(VnFormat.ToVietnamTime(clock.GetUtcNow().UtcDateTime)));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } r) return r;
        if (Problems.Count > 0) return Page();
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Length > 1000) Problems.Add("Lý do thu hồi: bắt buộc, tối đa 1.000 ký tự.");
        if (string.IsNullOrWhiteSpace(Ground) || Ground.Length > 500) Problems.Add("Căn cứ pháp lý: bắt buộc, tối đa 500 ký tự.");
        if (string.IsNullOrWhiteSpace(RevokingDecision) || RevokingDecision.Length > 100) Problems.Add("Số, ngày quyết định thu hồi: bắt buộc, tối đa 100 ký tự.");
        var date = default(DateOnly);
        if (RevokedOn is not { Length: <= 20 } || !VnFormat.TryParseDate(RevokedOn, out date) || date.Year is < DecisionService.MinYear or > DecisionService.MaxYear)
            Problems.Add("Ngày thu hồi: hãy nhập ngày dạng 10/09/2020, trong các năm 2000–2100.");
        if (Problems.Count > 0) return Page();
        if (!Confirm)
        {
            Reviewing = true;
            return Page();
        }
        var res = await service.RevokeAsync(id, date, Reason!, Ground!, RevokingDecision!, User.UserName(), ct);
        if (!res.Ok) { Problems.Add(res.Error!); return Page(); }
        TempData["Message"] = $"Đã thu hồi khen thưởng của {R.DisplayName}.";
        return RedirectToPage("Details", new { id = D.Id });
    }
}
