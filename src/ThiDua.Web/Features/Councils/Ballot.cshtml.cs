using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Councils;

/// <summary>
/// A member's secret ballot for an open session: the items still to vote on (Đồng ý / Không đồng ý / Ý kiến khác,
/// the last two with a reason), or a declared conflict of interest. The page never shows a choice once cast.
/// </summary>
public sealed class BallotModel(AppDbContext db, CouncilService councils, TimeProvider clock) : PageModel
{
    public sealed record Row(int ItemId, string Label, string Agency, string Status);

    public CouncilSession Session { get; private set; } = null!;
    public string CouncilName { get; private set; } = "";
    public bool Present { get; private set; }
    public IReadOnlyList<Row> Items { get; private set; } = [];
    public List<string> Problems { get; } = [];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var s = await db.CouncilSessions.AsNoTracking().Include(x => x.Council).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound();
        var uid = CouncilAccess.UserId(User);
        var att = uid is null ? null : await councils.AttendanceOfAsync(id, uid, ct);
        if (att is null) return Forbid();
        Session = s;
        CouncilName = s.Council!.Name;
        Present = att.Present;
        var items = await db.CouncilAgendaItems.AsNoTracking().Include(i => i.Nomination).ThenInclude(n => n!.Person).Include(i => i.Nomination).ThenInclude(n => n!.Unit)
            .Include(i => i.Nomination).ThenInclude(n => n!.Agency).Where(i => i.SessionId == id).OrderBy(i => i.Order).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var voted = await db.CouncilParticipations.Where(p => p.MemberId == att.MemberId && ids.Contains(p.ItemId)).Select(p => p.ItemId).ToListAsync(ct);
        var recused = await db.CouncilRecusals.Where(r => r.MemberId == att.MemberId && ids.Contains(r.ItemId)).Select(r => r.ItemId).ToListAsync(ct);
        Items = items.Select(i => new Row(i.Id, CouncilService.DossierLabel(i.Nomination!), i.Nomination!.Agency?.Name ?? "",
            voted.Contains(i.Id) ? "voted" : recused.Contains(i.Id) ? "recused" : "open")).ToList();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostCastAsync(int id, int itemId, string? choice, string? reason, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Enum.TryParse<CouncilChoice>(choice, ignoreCase: false, out var c) || !Enum.IsDefined(c))
        {
            Problems.Add("Ý kiến: hãy chọn Đồng ý, Không đồng ý hoặc Ý kiến khác.");
            return Page();
        }
        try
        {
            var closed = await councils.CastAsync(User.UserName(), CouncilAccess.UserId(User)!, id, itemId, c, reason, clock.GetUtcNow().UtcDateTime, ct);
            TempData["Message"] = closed ? "Đã ghi phiếu. Mọi thành viên đã bỏ phiếu: phiên họp đã kết thúc." : "Đã ghi phiếu.";
            return RedirectToPage(new { id });
        }
        catch (CouncilException e) { Problems.Add(e.Message); }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRecuseAsync(int id, int itemId, string? reason, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        try
        {
            await councils.DeclareRecusalAsync(User.UserName(), CouncilAccess.UserId(User)!, id, itemId, reason ?? "", clock.GetUtcNow().UtcDateTime, ct);
            TempData["Message"] = "Đã ghi tự khai xung đột lợi ích: đồng chí không biểu quyết hồ sơ này.";
            return RedirectToPage(new { id });
        }
        catch (CouncilException e) { Problems.Add(e.Message); }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }
}
