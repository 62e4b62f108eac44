using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Blocs;

/// <summary>
/// An agency leaves a bloc after the year it names, confirmed on this page: from the next year it is no longer
/// scored with the bloc nor may it lead it. The membership is kept as history.
/// </summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.BlocSecretariat}")]
public sealed class LeaveModel(AppDbContext db) : PageModel
{
    public sealed record Membership(int Id, int BlocId, string Bloc, string BlocCode, int UnitId, string Agency, string AgencyCode, int FromYear, int? ToYear);

    public Membership Member { get; private set; } = null!;
    /// <summary>The last year as a member, as typed; null until it is typed.</summary>
    [BindProperty(SupportsGet = true)] public int? ToYear { get; set; }
    /// <summary>Why the year cannot be recorded; the page then asks for it again instead of offering to confirm.</summary>
    public List<string> Problems { get; } = [];
    /// <summary>Years after the last one in which the agency leads the bloc; leaving would leave those years with a leader from outside.</summary>
    public List<int> LaterLeadership { get; private set; } = [];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var m = await db.BlocMemberships.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new Membership(x.Id, x.BlocId, x.Bloc!.Name, x.Bloc.Code, x.UnitId, x.Unit!.Name, x.Unit.Code, x.FromYear, x.ToYear)).FirstOrDefaultAsync(ct);
        if (m is null) return NotFound();
        Member = m;
        if (m.ToYear is not null) Problems.Add($"{m.Agency} đã rời khối sau năm {m.ToYear}.");
        if (ToYear is null)
        {
            if (!ModelState.IsValid) Problems.Add(DetailsModel.YearRangeMessage("Năm cuối là thành viên"));
            return null;
        }
        var y = ToYear.Value;
        if (!DetailsModel.InRange(y)) Problems.Add(DetailsModel.YearRangeMessage("Năm cuối là thành viên"));
        else if (y < m.FromYear) Problems.Add($"Năm cuối là thành viên ({y}) không được trước năm tham gia ({m.FromYear}).");
        LaterLeadership = await db.BlocLeaderships.Where(l => l.BlocId == m.BlocId && l.UnitId == m.UnitId && l.Year > y).Select(l => l.Year).Distinct().OrderBy(x => x).ToListAsync(ct);
        if (LaterLeadership.Count > 0)
            Problems.Add($"{m.Agency} được phân công khối trưởng hoặc khối phó năm {string.Join(", ", LaterLeadership)}. Hãy bỏ các phân công đó trước khi ghi rời khối.");
        return null;
    }

    public bool ReadyToConfirm => ToYear is not null && Problems.Count == 0;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (!ReadyToConfirm) return Page();
        var y = ToYear!.Value;
        // The update and its audit entry commit together.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.BlocMemberships.Where(x => x.Id == id && x.ToYear == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.ToYear, y), ct);
        if (changed == 0)
        {
            Problems.Add($"{Member.Agency} vừa được ghi rời khối; không có thay đổi nào được lưu.");
            return Page();
        }
        db.Audit(User.UserName(), "Thành viên rời khối", nameof(EmulationBloc), Member.BlocId,
            $"{Member.Agency} ({Member.AgencyCode}): trước: thành viên từ năm {Member.FromYear}, chưa rời khối → sau: thành viên từ năm {Member.FromYear} đến hết năm {y}", code: Member.BlocCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = $"Đã ghi {Member.Agency} rời khối sau năm {y}.";
        return RedirectToPage("Details", new { id = Member.BlocId });
    }
}
