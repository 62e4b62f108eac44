using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Movements;

/// <summary>One movement: what it asks, the directives it implements, its targets, contests and (national) each agency's participation.</summary>
public sealed class DetailsModel(AppDbContext db, UnitScopeService scopes, MovementService service) : PageModel
{
    public sealed record DirectiveRow(int Id, string Number, DateOnly IssuedOn, string Issuer, string Title, bool HasFile);
    public sealed record ContestRow(int Id, string Name, ParticipantKind Kind, int Participants, int Rounds);
    public sealed record ParticipationRow(int UnitId, string Unit, NationalParticipation? Row, bool CanEdit);

    public Movement Movement { get; private set; } = null!;
    public string Launcher { get; private set; } = "";
    public string? ClonedFrom { get; private set; }
    public List<DirectiveRow> Directives { get; private set; } = [];
    public List<(int Id, string Name, string Code)> Targets { get; private set; } = [];
    public List<ContestRow> Contests { get; private set; } = [];
    public List<ParticipationRow> Participation { get; private set; } = [];
    public bool CanManage { get; private set; }
    public MovementActor Actor { get; private set; } = null!;
    [FromQuery(Name = "year")] public string? YearText { get; set; }
    public int ParticipationYear { get; private set; }
    public string? YearProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Actor = await MovementActor.FromAsync(User, db, scopes, ct);
        var m = await db.Movements.AsNoTracking().Include(x => x.LaunchedByUnit).Include(x => x.Bloc).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return NotFound();
        if (!await service.CanReadAsync(id, Actor, ct)) return Forbid();
        Movement = m;
        Launcher = MovementPages.Launcher(m, m.LaunchedByUnit?.Name, m.Bloc?.Name);
        CanManage = MovementService.CanManage(m, Actor);
        if (m.ClonedFromId is { } src && await service.CanReadAsync(src, Actor, ct))
            ClonedFrom = await db.Movements.Where(x => x.Id == src).Select(x => x.Theme + " (" + x.Year + ")").FirstOrDefaultAsync(ct);
        Directives = await db.MovementDirectives.AsNoTracking().Where(d => d.MovementId == id).OrderBy(d => d.Directive!.IssuedOn)
            .Select(d => new DirectiveRow(d.DirectiveId, d.Directive!.Number, d.Directive.IssuedOn, d.Directive.Issuer, d.Directive.Title, d.Directive.FileStoredName != null)).ToListAsync(ct);
        var targets = await db.MovementTargets.AsNoTracking().Where(t => t.MovementId == id).OrderBy(t => t.Unit!.SortKey)
            .Select(t => new { t.UnitId, t.Unit!.Name, t.Unit.Code }).ToListAsync(ct);
        Targets = targets.Select(t => (t.UnitId, t.Name, t.Code)).ToList();
        Contests = await db.Contests.AsNoTracking().Where(c => c.MovementId == id).OrderBy(c => c.Id)
            .Select(c => new ContestRow(c.Id, c.Name, c.ParticipantKind, c.Participants.Count, c.Rounds.Count)).ToListAsync(ct);
        if (m.IsNational)
        {
            var year = MovementPages.ParseYear(YearText, "Năm", out var problem);
            YearProblem = problem;
            ParticipationYear = year ?? await db.NationalParticipations.Where(p => p.MovementId == id).OrderByDescending(p => p.Year).Select(p => (int?)p.Year).FirstOrDefaultAsync(ct) ?? m.Year;
            var py = ParticipationYear;
            var members = await db.BlocMemberships.AsNoTracking().Where(b => b.BlocId == m.BlocId && b.FromYear <= py && (b.ToYear == null || b.ToYear >= py))
                .OrderBy(b => b.Id).Select(b => new { b.UnitId, b.Unit!.Name }).ToListAsync(ct);
            // The secretariat sees every agency's row; an agency's readers their own only.
            if (!Actor.Secretariat) members = members.Where(x => x.UnitId == Actor.AgencyId).ToList();
            var ids = members.Select(x => x.UnitId).ToList();
            var rows = await db.NationalParticipations.AsNoTracking().Where(p => p.MovementId == id && p.Year == py && ids.Contains(p.UnitId)).ToListAsync(ct);
            Participation = members.Select(x => new ParticipationRow(x.UnitId, x.Name, rows.FirstOrDefault(r => r.UnitId == x.UnitId), Actor.ActsFor(x.UnitId))).ToList();
        }
        return Page();
    }
}
