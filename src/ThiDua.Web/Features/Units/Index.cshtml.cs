using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Units;

public sealed class IndexModel(AppDbContext db, UnitScopeService scopes, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    public sealed record Row(int Id, string Name, string? ShortName, string Code, UnitKind Kind, string? Parent, int Depth, bool Active, bool IsDemo, int Staff);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public UnitKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(User, ct);
        CanEdit = scope.CanEdit;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var staff = await db.People.Where(p => p.IsActive && p.CurrentUnitId != null).GroupBy(p => p.CurrentUnitId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var byId = units.ToDictionary(u => u.Id);
        var children = units.ToLookup(u => u.ParentId);
        var ordered = new List<(Unit Unit, int Depth)>();
        void Walk(int? parent, int depth)
        {
            foreach (var u in children[parent].OrderBy(u => u.SortKey, StringComparer.Ordinal))
            {
                ordered.Add((u, depth));
                Walk(u.Id, depth + 1);
            }
        }
        Walk(null, 0);
        var folded = VietnameseText.Fold(Q);
        var filtered = ordered.Where(x => scope.CanSeeUnit(x.Unit.Id))
            .Where(x => Kind is null || x.Unit.Kind == Kind)
            .Where(x => Status switch { "inactive" => !x.Unit.IsActive(today), "all" => true, _ => x.Unit.IsActive(today) });
        if (folded.Length > 0)
        {
            // Ranking as for people: exact, then prefix, then contains; tree order within each rank.
            filtered = filtered.Where(x => x.Unit.SearchName.Contains(folded, StringComparison.Ordinal))
                .OrderBy(x => VietnameseText.Fold(x.Unit.Name) == folded || x.Unit.Code == Q!.Trim().ToUpperInvariant() ? 0 : VietnameseText.Fold(x.Unit.Name).StartsWith(folded, StringComparison.Ordinal) ? 1 : 2);
        }
        var list = filtered.ToList();
        Total = list.Count;
        PageNumber = PagerModel.Clamp(PageNumber);
        Rows = list.Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(x => new Row(x.Unit.Id, x.Unit.Name, x.Unit.ShortName, x.Unit.Code, x.Unit.Kind,
            x.Unit.ParentId is { } pid ? byId[pid].Name : null, folded.Length > 0 ? 0 : x.Depth, x.Unit.IsActive(today), x.Unit.IsDemo, staff.GetValueOrDefault(x.Unit.Id))).ToList();
    }

    public string PageUrl(int page) => Url.Page("Index", new { Q, Kind, Status, p = page })!;
}
