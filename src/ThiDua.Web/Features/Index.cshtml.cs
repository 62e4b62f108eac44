using ThiDua.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.DemoData;
using ThiDua.Features.Awards;
using ThiDua.Features.Blocs;
using ThiDua.Features.Units;

namespace ThiDua.Features;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Member(string Name, int Staff, bool IsDemo);

    public string BlocName { get; private set; } = "ThiDua";
    public int MemberCount { get; private set; }
    public int StaffCount { get; private set; }
    public int Year { get; private set; }
    public string? Leader { get; private set; }
    public List<string> Deputies { get; private set; } = [];
    public List<Member> Members { get; private set; } = [];
    public List<string> FlagUnits { get; private set; } = [];
    public int MeritCollectives { get; private set; }
    public int MeritIndividuals { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var bloc = await db.Blocs.AsNoTracking().FirstOrDefaultAsync(b => b.Code == DemoSeeder.BlocCode, ct)
            ?? await db.Blocs.AsNoTracking().OrderBy(b => b.Id).FirstOrDefaultAsync(ct);
        if (bloc is null) return;
        BlocName = bloc.Name;
        Year = clock.VietnamYear();
        var memberIds = await db.BlocMemberships.Where(m => m.BlocId == bloc.Id && m.FromYear <= Year && (m.ToYear == null || m.ToYear >= Year)).Select(m => m.UnitId).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Name, u.IsDemo, u.SortKey }).ToListAsync(ct);
        var staffByUnit = await db.People.Where(p => p.IsActive && p.CurrentUnitId != null).GroupBy(p => p.CurrentUnitId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var tree = units.Select(u => (u.Id, u.ParentId)).ToList();
        Members = units.Where(u => memberIds.Contains(u.Id)).OrderBy(u => u.SortKey, StringComparer.Ordinal)
            .Select(u => new Member(u.Name, Infrastructure.UnitScopeService.Subtree(u.Id, tree).Sum(id => staffByUnit.GetValueOrDefault(id)), u.IsDemo)).ToList();
        MemberCount = Members.Count;
        StaffCount = Members.Sum(m => m.Staff);
        var leaders = await db.BlocLeaderships.AsNoTracking().Where(l => l.BlocId == bloc.Id && l.Year == Year).Select(l => new { l.Role, l.Unit!.Name }).ToListAsync(ct);
        Leader = leaders.FirstOrDefault(l => l.Role == BlocRole.Leader)?.Name;
        Deputies = leaders.Where(l => l.Role == BlocRole.Deputy).Select(l => l.Name).ToList();
        FlagUnits = await db.Awards.AsNoTracking().Where(a => a.Year == 2019 && a.Code == "CO_CP" && a.UnitId != null).Select(a => a.Unit!.Name).ToListAsync(ct);
        var merit = await db.Awards.AsNoTracking().Where(a => a.Year == 2019 && a.Code == "BK_BO" && a.Authority.StartsWith("Khối trưởng")).Select(a => a.PersonId).ToListAsync(ct);
        MeritCollectives = merit.Count(p => p is null);
        MeritIndividuals = merit.Count(p => p is not null);
    }
}
