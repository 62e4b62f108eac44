using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Movements;

/// <summary>Movements by year with filters; for an agency's readers also what the bloc (or another agency) sent to their agency.</summary>
public sealed class IndexModel(AppDbContext db, UnitScopeService scopes, MovementService service, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, int Year, string Theme, MovementKind Kind, MovementState State, bool IsNational, string Launcher, DateOnly? Start, DateOnly? End, bool OwnAgency);
    public sealed record SentRow(int Id, string Theme, string Launcher, MovementKind Kind, MovementState State, string? Content, string? Criteria, DateOnly? Start, DateOnly? End, int Year);

    [FromQuery(Name = "year")] public string? YearText { get; set; }
    [FromQuery(Name = "kind")] public string? KindText { get; set; }
    [FromQuery(Name = "state")] public string? StateText { get; set; }
    [FromQuery(Name = "origin")] public string? Origin { get; set; }

    public int Year { get; private set; }
    public MovementKind? Kind { get; private set; }
    public MovementState? State { get; private set; }
    public List<string> Problems { get; } = [];
    public List<Row> Rows { get; private set; } = [];
    public List<SentRow> Sent { get; private set; } = [];
    public List<int> Years { get; private set; } = [];
    public MovementActor Actor { get; private set; } = null!;
    public bool CanCreate => Actor.Secretariat || Actor.Officer && Actor.AgencyId is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Actor = await MovementActor.FromAsync(User, db, scopes, ct);
        var readable = service.Readable(Actor);
        Years = await readable.Select(m => m.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var thisYear = VnFormat.ToVietnamTime(clock.GetUtcNow().UtcDateTime).Year;
        var year = MovementPages.ParseYear(YearText, "Năm", out var problem);
        if (problem is not null) Problems.Add(problem);
        Year = year ?? Years.FirstOrDefault(y => y <= thisYear + 1, thisYear);
        Kind = MovementPages.ParseEnum<MovementKind>(KindText);
        if (KindText is { Length: > 0 } && Kind is null) Problems.Add("Loại phong trào: giá trị không hợp lệ, đang hiển thị mọi loại.");
        State = MovementPages.ParseEnum<MovementState>(StateText);
        if (StateText is { Length: > 0 } && State is null) Problems.Add("Trạng thái: giá trị không hợp lệ, đang hiển thị mọi trạng thái.");
        if (Origin is { Length: > 0 } and not ("bloc" or "unit" or "national")) { Problems.Add("Nơi phát động: giá trị không hợp lệ, đang hiển thị tất cả."); Origin = null; }

        var q = readable.Where(m => m.Year == Year);
        if (Kind is { } k) q = q.Where(m => m.Kind == k);
        if (State is { } s) q = q.Where(m => m.State == s);
        q = Origin switch
        {
            "bloc" => q.Where(m => !m.IsNational && m.LaunchedByUnitId == null),
            "unit" => q.Where(m => m.LaunchedByUnitId != null),
            "national" => q.Where(m => m.IsNational),
            _ => q,
        };
        var mine = Actor.AgencyUnits.ToList();
        var rows = await q.OrderBy(m => m.IsNational).ThenBy(m => m.LaunchedByUnitId != null).ThenBy(m => m.Theme)
            .Select(m => new { M = m, Unit = m.LaunchedByUnit!.Name, Bloc = m.Bloc!.Name }).Take(500).ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.M.Id, r.M.Year, r.M.Theme, r.M.Kind, r.M.State, r.M.IsNational, MovementPages.Launcher(r.M, r.Unit, r.Bloc), r.M.StartDate, r.M.EndDate,
            r.M.LaunchedByUnitId is { } u && mine.Contains(u))).ToList();
        if (!Actor.Secretariat && Actor.AgencyId is not null)
        {
            var sent = await service.SentTo(Actor).Where(m => m.Year == Year).OrderBy(m => m.Theme)
                .Select(m => new { M = m, Unit = m.LaunchedByUnit!.Name, Bloc = m.Bloc!.Name }).Take(200).ToListAsync(ct);
            Sent = sent.Select(r => new SentRow(r.M.Id, r.M.Theme, MovementPages.Launcher(r.M, r.Unit, r.Bloc), r.M.Kind, r.M.State, r.M.Content, r.M.Criteria, r.M.StartDate, r.M.EndDate, r.M.Year)).ToList();
        }
        return Page();
    }
}
