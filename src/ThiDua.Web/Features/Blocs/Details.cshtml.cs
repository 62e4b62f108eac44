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
    /// <summary>The years a bloc's membership and leadership may be recorded for.</summary>
    public const int FirstYear = 1990, LastYear = 2100;
    public static string YearRangeMessage(string field) => $"{field} phải từ {FirstYear} đến {LastYear}.";
    public static bool InRange(int year) => year is >= FirstYear and <= LastYear;

    public sealed record MemberRow(int Id, int UnitId, string Unit, string Code, int FromYear, int? ToYear);
    public sealed record LeaderRow(int Id, int Year, BlocRole Role, string Unit);
    public sealed record AgencyOption(int Id, string Name);

    public EmulationBloc Bloc { get; private set; } = null!;
    public List<MemberRow> Members { get; private set; } = [];
    public List<LeaderRow> Leaders { get; private set; } = [];
    public List<AgencyOption> Agencies { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int ShownYear { get; private set; }
    public string? YearProblem { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var bloc = await db.Blocs.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (bloc is null) return NotFound();
        Bloc = bloc;
        CanEdit = Allowed;
        var thisYear = clock.VietnamYear();
        if (!ModelState.IsValid || Year is { } y && !InRange(y))
        {
            YearProblem = $"{YearRangeMessage("Năm")} Đang hiển thị năm {thisYear}.";
            Year = null;
        }
        ShownYear = Year ?? thisYear;
        Members = (await db.BlocMemberships.AsNoTracking().Where(m => m.BlocId == id).Select(m => new { m.Id, m.UnitId, m.Unit!.Name, m.Unit.Code, m.Unit.SortKey, m.FromYear, m.ToYear }).ToListAsync(ct))
            .OrderBy(m => m.SortKey, StringComparer.Ordinal).Select(m => new MemberRow(m.Id, m.UnitId, m.Name, m.Code, m.FromYear, m.ToYear)).ToList();
        // Roles are stored as text, where "Deputy" sorts before "Leader": the leader is put first explicitly.
        Leaders = await db.BlocLeaderships.AsNoTracking().Where(l => l.BlocId == id)
            .OrderByDescending(l => l.Year).ThenBy(l => l.Role == BlocRole.Leader ? 0 : 1).ThenBy(l => l.Unit!.SortKey)
            .Select(l => new LeaderRow(l.Id, l.Year, l.Role, l.Unit!.Name)).ToListAsync(ct);
        Agencies = (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Agency && u.ActiveTo == null).Select(u => new { u.Id, u.Name, u.SortKey }).ToListAsync(ct))
            .OrderBy(u => u.SortKey, StringComparer.Ordinal).Select(u => new AgencyOption(u.Id, u.Name)).ToList();
        return Page();
    }

    private bool Allowed => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.BlocSecretariat);

    public async Task<IActionResult> OnPostMemberAsync(int id, int? unitId, int? fromYear, CancellationToken ct)
    {
        if (!Allowed) return Forbid();
        var bloc = await db.Blocs.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (bloc is null) return NotFound();
        if (fromYear is not { } from || !InRange(from)) return Message(id, YearRangeMessage("Năm tham gia"));
        // Only an existing agency is a member: a department or an unknown id would count as a member of the bloc.
        var agency = await db.Units.AsNoTracking().Where(u => u.Id == unitId && u.Kind == UnitKind.Agency).Select(u => new { u.Id, u.Name, u.Code }).FirstOrDefaultAsync(ct);
        if (agency is null) return Message(id, "Thành viên của khối phải là một cơ quan có trong danh sách đơn vị (loại \"Cơ quan\"). Hãy chọn cơ quan trong danh sách.");
        var open = await db.BlocMemberships.AnyAsync(m => m.BlocId == id && m.UnitId == agency.Id && (m.ToYear == null || m.ToYear >= from), ct);
        if (open) return Message(id, $"{agency.Name} đã là thành viên của khối trong năm {from}.");
        db.BlocMemberships.Add(new BlocMembership { BlocId = id, UnitId = agency.Id, FromYear = from });
        db.Audit(User.UserName(), "Thêm thành viên khối", nameof(EmulationBloc), id, $"{agency.Name} ({agency.Code}): trước: — → sau: thành viên từ năm {from}", code: bloc.Code);
        await db.SaveChangesAsync(ct);
        return Message(id, $"Đã thêm {agency.Name} vào khối từ năm {from}.");
    }

    /// <summary>Sets the leader (khối trưởng) and deputies (khối phó) of a year, chosen at the summary conference.</summary>
    public async Task<IActionResult> OnPostLeadershipAsync(int id, int? year, int? leaderId, int[] deputyIds, CancellationToken ct)
    {
        if (!Allowed) return Forbid();
        var bloc = await db.Blocs.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (bloc is null) return NotFound();
        if (year is not { } y || !InRange(y)) return Message(id, YearRangeMessage("Năm phân công"));
        var members = await db.BlocMemberships.Where(m => m.BlocId == id && m.FromYear <= y && (m.ToYear == null || m.ToYear >= y)).Select(m => m.UnitId).ToListAsync(ct);
        if (leaderId is not { } leader || !members.Contains(leader)) return Message(id, $"Khối trưởng năm {y} phải là thành viên của khối trong năm đó.");
        if (deputyIds.Any(d => !members.Contains(d))) return Message(id, $"Khối phó năm {y} phải là thành viên của khối trong năm đó.");
        if (deputyIds.Contains(leader)) return Message(id, "Một cơ quan không thể vừa là khối trưởng vừa là khối phó.");
        var before = await LeadershipTextAsync(id, y, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.BlocLeaderships.Where(l => l.BlocId == id && l.Year == y).ExecuteDeleteAsync(ct);
        db.BlocLeaderships.Add(new BlocLeadership { BlocId = id, Year = y, UnitId = leader, Role = BlocRole.Leader });
        foreach (var d in deputyIds.Distinct()) db.BlocLeaderships.Add(new BlocLeadership { BlocId = id, Year = y, UnitId = d, Role = BlocRole.Deputy });
        await db.SaveChangesAsync(ct);
        db.Audit(User.UserName(), "Phân công khối trưởng, khối phó", nameof(EmulationBloc), id, $"năm {y}: trước: {before} → sau: {await LeadershipTextAsync(id, y, ct)}", code: bloc.Code);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Message(id, $"Đã ghi khối trưởng, khối phó năm {y}.");
    }

    /// <summary>A year's leader and deputies as the audit log shows them ("—" when none).</summary>
    public static async Task<string> LeadershipText(AppDbContext db, int blocId, int year, CancellationToken ct)
    {
        var rows = await db.BlocLeaderships.AsNoTracking().Where(l => l.BlocId == blocId && l.Year == year)
            .Select(l => new { l.Role, l.Unit!.Name, l.Unit.Code, l.Unit.SortKey }).ToListAsync(ct);
        if (rows.Count == 0) return "—";
        return string.Join("; ", rows.OrderBy(r => r.Role == BlocRole.Leader ? 0 : 1).ThenBy(r => r.SortKey, StringComparer.Ordinal)
            .Select(r => $"{(r.Role == BlocRole.Leader ? "khối trưởng" : "khối phó")}: {r.Name} ({r.Code})"));
    }

    private Task<string> LeadershipTextAsync(int id, int year, CancellationToken ct) => LeadershipText(db, id, year, ct);

    private RedirectToPageResult Message(int id, string message)
    {
        TempData["Message"] = message;
        return RedirectToPage("Details", new { id });
    }
}
