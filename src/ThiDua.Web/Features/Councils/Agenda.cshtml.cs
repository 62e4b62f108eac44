using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Nominations;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Councils;

/// <summary>Adds dossiers ready for the council to a draft session: tick many, confirm the count and the list, add.</summary>
public sealed class AgendaModel(AppDbContext db, UnitScopeService scope, CouncilService councils, TimeProvider clock) : PageModel
{
    public CouncilSession Session { get; private set; } = null!;
    public IReadOnlyList<Nomination> Eligible { get; private set; } = [];
    /// <summary>The ticked dossiers, shown for confirmation.</summary>
    public IReadOnlyList<Nomination>? Chosen { get; private set; }
    public string? Problem { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var a = await SessionPage.LoadAsync(db, scope, User, id, ct);
        if (a is null) return NotFound();
        if (!a.Manages) return Forbid();
        Session = a.Session;
        Eligible = await councils.EligibleAsync(a.Council.Id, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostReviewAsync(int id, int[]? ids, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var set = (ids ?? []).Take(CouncilService.MaxAgenda + 1).ToHashSet();
        if (set.Count == 0) { Problem = "Hãy đánh dấu ít nhất một hồ sơ."; return Page(); }
        if (set.Count > CouncilService.MaxAgenda) { Problem = $"Một phiên họp có tối đa {CouncilService.MaxAgenda} hồ sơ."; return Page(); }
        Chosen = Eligible.Where(n => set.Contains(n.Id)).ToList();
        if (Chosen.Count != set.Count) { Problem = "Có hồ sơ không thuộc danh sách chờ Hội đồng xét của Hội đồng này."; Chosen = null; }
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, int version, int[]? ids, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        try
        {
            var added = await councils.AddAgendaAsync(User.UserName(), id, version, (ids ?? []).Take(CouncilService.MaxAgenda + 1).ToList(), clock.GetUtcNow().UtcDateTime, ct);
            TempData["Message"] = $"Đã đưa {added} hồ sơ vào chương trình.";
            return RedirectToPage("Session", new { id });
        }
        catch (CouncilException e) { Problem = e.Message; }
        catch (DbUpdateConcurrencyException) { Problem = "Phiên họp vừa được người khác thay đổi: hãy chọn lại."; }
        return Page();
    }
}
