using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Blocs;

/// <summary>A bloc: its member agencies over the years and each year's leader and deputies.</summary>
public sealed class DetailsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record MemberRow(int Id, int UnitId, string Unit, int FromYear, int? ToYear);
    public sealed record LeaderRow(int Id, int Year, BlocRole Role, string Unit);
    public sealed record AgencyOption(int Id, string Name);

    public EmulationBloc Bloc { get; private set; } = null!;
    public List<MemberRow> Members { get; private set; } = [];
    public List<LeaderRow> Leaders { get; private set; } = [];
    public List<AgencyOption> Agencies { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int ShownYear { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var bloc = await db.Blocs.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (bloc is null) return NotFound();
        Bloc = bloc;
        CanEdit = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.BlocSecretariat);
        ShownYear = Year ?? clock.GetUtcNow().Year;
        Members = (await db.BlocMemberships.AsNoTracking().Where(m => m.BlocId == id).Select(m => new { m.Id, m.UnitId, m.Unit!.Name, m.Unit.SortKey, m.FromYear, m.ToYear }).ToListAsync(ct))
            .OrderBy(m => m.SortKey, StringComparer.Ordinal).Select(m => new MemberRow(m.Id, m.UnitId, m.Name, m.FromYear, m.ToYear)).ToList();
        Leaders = await db.BlocLeaderships.AsNoTracking().Where(l => l.BlocId == id).OrderByDescending(l => l.Year).ThenBy(l => l.Role)
            .Select(l => new LeaderRow(l.Id, l.Year, l.Role, l.Unit!.Name)).ToListAsync(ct);
        Agencies = (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Agency).Select(u => new { u.Id, u.Name, u.SortKey }).ToListAsync(ct))
            .OrderBy(u => u.SortKey, StringComparer.Ordinal).Select(u => new AgencyOption(u.Id, u.Name)).ToList();
        return Page();
    }

    private bool Allowed => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.BlocSecretariat);

    public async Task<IActionResult> OnPostMemberAsync(int id, int unitId, int fromYear, CancellationToken ct)
    {
        if (!Allowed) return Forbid();
        if (!await db.Blocs.AnyAsync(b => b.Id == id, ct)) return NotFound();
        if (fromYear is < 1990 or > 2100) return Message(id, "Năm tham gia phải từ 1990 đến 2100.");
        var open = await db.BlocMemberships.AnyAsync(m => m.BlocId == id && m.UnitId == unitId && (m.ToYear == null || m.ToYear >= fromYear), ct);
        if (open) return Message(id, "Cơ quan này đã là thành viên của khối trong năm đó.");
        db.BlocMemberships.Add(new BlocMembership { BlocId = id, UnitId = unitId, FromYear = fromYear });
        db.Audit(User.UserName(), "Thêm thành viên khối", nameof(EmulationBloc), id, $"đơn vị {unitId} từ {fromYear}");
        await db.SaveChangesAsync(ct);
        return Message(id, "Đã thêm thành viên.");
    }

    public async Task<IActionResult> OnPostLeaveAsync(int id, int membershipId, int toYear, CancellationToken ct)
    {
        if (!Allowed) return Forbid();
        var m = await db.BlocMemberships.FirstOrDefaultAsync(x => x.Id == membershipId && x.BlocId == id, ct);
        if (m is null) return NotFound();
        if (toYear < m.FromYear) return Message(id, "Năm rời khối phải sau năm tham gia.");
        m.ToYear = toYear;
        db.Audit(User.UserName(), "Thành viên rời khối", nameof(EmulationBloc), id, $"đơn vị {m.UnitId} đến {toYear}");
        await db.SaveChangesAsync(ct);
        return Message(id, "Đã ghi năm rời khối.");
    }

    /// <summary>Sets the leader (khối trưởng) and deputies (khối phó) of a year, chosen at the summary conference.</summary>
    public async Task<IActionResult> OnPostLeadershipAsync(int id, int year, int leaderId, int[] deputyIds, CancellationToken ct)
    {
        if (!Allowed) return Forbid();
        if (!await db.Blocs.AnyAsync(b => b.Id == id, ct)) return NotFound();
        if (year is < 1990 or > 2100) return Message(id, "Năm phải từ 1990 đến 2100.");
        var members = await db.BlocMemberships.Where(m => m.BlocId == id && m.FromYear <= year && (m.ToYear == null || m.ToYear >= year)).Select(m => m.UnitId).ToListAsync(ct);
        if (!members.Contains(leaderId)) return Message(id, $"Khối trưởng năm {year} phải là thành viên của khối trong năm đó.");
        if (deputyIds.Any(d => !members.Contains(d))) return Message(id, $"Khối phó năm {year} phải là thành viên của khối trong năm đó.");
        if (deputyIds.Contains(leaderId)) return Message(id, "Một cơ quan không thể vừa là khối trưởng vừa là khối phó.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.BlocLeaderships.Where(l => l.BlocId == id && l.Year == year).ExecuteDeleteAsync(ct);
        db.BlocLeaderships.Add(new BlocLeadership { BlocId = id, Year = year, UnitId = leaderId, Role = BlocRole.Leader });
        foreach (var d in deputyIds.Distinct()) db.BlocLeaderships.Add(new BlocLeadership { BlocId = id, Year = year, UnitId = d, Role = BlocRole.Deputy });
        db.Audit(User.UserName(), "Phân công khối trưởng, khối phó", nameof(EmulationBloc), id, $"{year}: trưởng {leaderId}, phó {string.Join(",", deputyIds)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Message(id, $"Đã ghi khối trưởng, khối phó năm {year}.");
    }

    private RedirectToPageResult Message(int id, string message)
    {
        TempData["Message"] = message;
        return RedirectToPage("Details", new { id });
    }
}
