using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Councils;

/// <summary>
/// A council session: attendance and agenda while a draft, who has voted (never how) and the written ballots while
/// open, the results with recusals and reasons (without names) and the minutes once closed.
/// </summary>
public sealed class SessionModel(AppDbContext db, UnitScopeService scope, CouncilService councils, TimeProvider clock) : PageModel
{
    public sealed record MemberRow(int MemberId, string FullName, string? Position, CouncilRole Role, bool Present, int Voted, int Written, int Recused);

    public CouncilSession Session { get; private set; } = null!;
    public Council Council { get; private set; } = null!;
    public bool Manages { get; private set; }
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<ItemResult> Items { get; private set; } = [];
    public List<string> Problems { get; } = [];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<IActionResult?> LoadAsync(int id, bool manage, CancellationToken ct)
    {
        var a = await SessionPage.LoadAsync(db, scope, User, id, ct);
        if (a is null) return NotFound();
        if (!a.CanRead || manage && !a.Manages) return Forbid();
        (Session, Council, Manages) = (a.Session, a.Council, a.Manages);
        var itemIds = await db.CouncilAgendaItems.Where(i => i.SessionId == id).Select(i => i.Id).ToListAsync(ct);
        var parts = await db.CouncilParticipations.AsNoTracking().Where(p => itemIds.Contains(p.ItemId)).Select(p => new { p.MemberId, p.Written }).ToListAsync(ct);
        var recs = await db.CouncilRecusals.AsNoTracking().Where(r => itemIds.Contains(r.ItemId)).Select(r => r.MemberId).ToListAsync(ct);
        Members = (await db.CouncilAttendances.AsNoTracking().Where(x => x.SessionId == id).Select(x => new { x.MemberId, x.Member!.FullName, x.Member.Position, x.Member.Role, x.Present }).ToListAsync(ct))
            .OrderBy(m => m.Role).ThenBy(m => m.FullName, StringComparer.Ordinal)
            .Select(m => new MemberRow(m.MemberId, m.FullName, m.Position, m.Role, m.Present, parts.Count(p => p.MemberId == m.MemberId), parts.Count(p => p.MemberId == m.MemberId && p.Written), recs.Count(r => r == m.MemberId))).ToList();
        Items = await councils.ResultsAsync(id, Session.State == CouncilSessionState.Closed, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, false, ct) ?? Page();

    /// <summary>Biên bản họp Hội đồng (.docx) of a closed session.</summary>
    public async Task<IActionResult> OnGetMinutesAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, false, ct) is { } refused) return refused;
        if (Session.State != CouncilSessionState.Closed) return NotFound();
        var bytes = CouncilMinutes.Build(await CouncilMinutes.DataAsync(db, councils, id, ct));
        return File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", CouncilMinutes.FileName(Session));
    }

    private async Task<IActionResult> ActAsync(int id, Func<Task> act, string message, CancellationToken ct)
    {
        if (await LoadAsync(id, true, ct) is { } refused) return refused;
        try
        {
            await act();
            TempData["Message"] = message;
            return RedirectToPage(new { id });
        }
        catch (CouncilException e) { Problems.Add(e.Message); }
        catch (DbUpdateConcurrencyException) { Problems.Add("Phiên họp vừa được người khác thay đổi: hãy xem lại rồi làm lại."); }
        db.ChangeTracker.Clear();
        await LoadAsync(id, true, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAttendanceAsync(int id, int version, int[]? present, CancellationToken ct) =>
        ActAsync(id, () => councils.SetAttendanceAsync(User.UserName(), id, version, (present ?? []).Take(CouncilService.MaxMembers + 1).ToList(), Now, ct), "Đã lưu điểm danh.", ct);

    public Task<IActionResult> OnPostRemoveItemAsync(int id, int version, int itemId, CancellationToken ct) =>
        ActAsync(id, () => councils.RemoveAgendaItemAsync(User.UserName(), id, version, itemId, Now, ct), "Đã bỏ hồ sơ khỏi chương trình.", ct);

    public Task<IActionResult> OnPostWrittenAsync(int id, int itemId, int memberId, CouncilChoice choice, string? reason, string? reference, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            if (await councils.CastWrittenAsync(User.UserName(), id, itemId, memberId, choice, reason, reference ?? "", Now, ct))
                TempData["Closed"] = "Mọi thành viên đã bỏ phiếu: phiên họp đã kết thúc và kiểm phiếu.";
        }, "Đã nhập phiếu bằng văn bản.", ct);
}
