using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Units;

public sealed class IndexModel(AppDbContext db, UnitScopeService scopes, TimeProvider clock) : PageModel
{
    /// <summary>Rows a page aims at. The tree is paged by agency, so a page holds whole agencies and may run longer.</summary>
    public const int PageSize = 50;

    public sealed record Row(int Id, string Name, string? ShortName, string Code, UnitKind Kind, string? Parent, int Depth, bool Active, bool IsDemo, int Staff, int AgencyId, string AgencyName)
    {
        /// <summary>The tree's indentation as CSS, written invariant: vi-VN would write "3,5rem", which browsers drop.</summary>
        public string Indent => string.Create(CultureInfo.InvariantCulture, $"padding-left:{0.5 + Depth * 1.5}rem");
    }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public UnitKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int TotalPages { get; private set; } = 1;
    /// <summary>Agencies (tops of the tree) among the rows of every page.</summary>
    public int Agencies { get; private set; }
    public bool ByAgency { get; private set; }
    public string? PageProblem { get; private set; }
    public bool CanEdit { get; private set; }
    /// <summary>Agencies whose own row is on this page: their units are read under them; other units name their agency.</summary>
    public HashSet<int> AgenciesShown { get; private set; } = [];
    public bool MixesAgencies { get; private set; }

    public bool ShowAgency(Row r) => MixesAgencies && r.AgencyId != r.Id && !AgenciesShown.Contains(r.AgencyId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(User, ct);
        CanEdit = scope.CanEdit;
        var today = clock.VietnamToday();
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var byId = units.ToDictionary(u => u.Id);
        var parentOf = units.ToDictionary(u => u.Id, u => u.ParentId);
        var staff = await UnitTree.StaffIncludingSubunitsAsync(db, parentOf, ct);
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
        var upperCode = (Q ?? "").Trim().ToUpperInvariant();
        if (folded.Length > 0)
        {
            // Ranking as for people: exact, then prefix, then contains; tree order within each rank.
            filtered = filtered.Where(x => x.Unit.SearchName.Contains(folded, StringComparison.Ordinal))
                .OrderBy(x => VietnameseText.Fold(x.Unit.Name) == folded || x.Unit.Code == upperCode ? 0 : VietnameseText.Fold(x.Unit.Name).StartsWith(folded, StringComparison.Ordinal) ? 1 : 2);
        }
        var list = filtered.Select(x =>
        {
            var agency = UnitTree.RootOf(x.Unit.Id, parentOf);
            return new Row(x.Unit.Id, x.Unit.Name, x.Unit.ShortName, x.Unit.Code, x.Unit.Kind, x.Unit.ParentId is { } pid ? byId[pid].Name : null,
                folded.Length > 0 ? 0 : x.Depth, x.Unit.IsActive(today), x.Unit.IsDemo, staff.GetValueOrDefault(x.Unit.Id), agency, byId[agency].Name);
        }).ToList();
        Total = list.Count;
        Agencies = list.Select(r => r.AgencyId).Distinct().Count();

        // The tree is paged by agency, so an agency is never split across two pages; a search ranks rows
        // across agencies, so it pages by rows.
        ByAgency = folded.Length == 0;
        var groups = ByAgency ? list.GroupBy(r => r.AgencyId).Select(g => g.ToList()).ToList() : list.Select(r => new List<Row> { r }).ToList();
        var pages = new List<List<Row>>();
        foreach (var g in groups)
        {
            if (pages.Count == 0 || pages[^1].Count > 0 && pages[^1].Count + g.Count > PageSize) pages.Add([]);
            pages[^1].AddRange(g);
        }
        TotalPages = Math.Max(1, pages.Count);
        if (PageNumber < 1 || PageNumber > TotalPages)
        {
            PageProblem = $"Không có trang {PageNumber.ToString(CultureInfo.InvariantCulture)}: danh sách có {TotalPages.ToString(CultureInfo.InvariantCulture)} trang. Đang hiển thị trang {(PageNumber < 1 ? 1 : TotalPages).ToString(CultureInfo.InvariantCulture)}.";
            PageNumber = PageNumber < 1 ? 1 : TotalPages;
        }
        Rows = pages.Count == 0 ? [] : pages[PageNumber - 1];
        AgenciesShown = Rows.Where(r => r.AgencyId == r.Id).Select(r => r.Id).ToHashSet();
        MixesAgencies = Rows.Select(r => r.AgencyId).Distinct().Skip(1).Any();
    }

    public string PageUrl(int page) => Url.Page("Index", new { Q, Kind, Status, p = page })!;
}
