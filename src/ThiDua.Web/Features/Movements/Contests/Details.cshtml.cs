using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Movements.Contests;

/// <summary>A contest: its participants, rounds and results; whoever manages the movement adds participants and rounds.</summary>
public sealed class DetailsModel(AppDbContext db, UnitScopeService scopes, MovementService service) : PageModel
{
    public sealed record ParticipantRow(int Id, string Name, string? PersonalCode, string Unit, string Agency);
    public sealed record ResultCell(decimal? Score, int? Rank, string? Prize);

    public Contest Contest { get; private set; } = null!;
    public Movement Movement { get; private set; } = null!;
    public List<ParticipantRow> Participants { get; private set; } = [];
    public List<ContestRound> Rounds { get; private set; } = [];
    public Dictionary<(int Round, int Participant), ResultCell> Results { get; private set; } = [];
    public List<UnitOption> UnitOptions { get; private set; } = [];
    public bool CanManage { get; private set; }
    public string? Problem { get; private set; }
    /// <summary>Search of the registry by name or personal code, within the units the movement reaches.</summary>
    [FromQuery(Name = "q")] public string? Q { get; set; }
    public List<(string Code, string Name, string Unit)> Found { get; private set; } = [];
    public string? SearchProblem { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var c = await db.Contests.AsNoTracking().Include(x => x.Movement).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return NotFound();
        var actor = await MovementActor.FromAsync(User, db, scopes, ct);
        if (!await service.CanReadAsync(c.MovementId, actor, ct)) return Forbid();
        Contest = c;
        Movement = c.Movement!;
        CanManage = MovementService.CanManage(Movement, actor);
        var people = await db.ContestParticipants.AsNoTracking().Where(p => p.ContestId == id)
            .Select(p => new { p.Id, p.Person!.FamilyName, p.Person.MiddleName, p.Person.GivenName, p.Person.PersonalCode, Unit = p.Unit!.Name, p.PersonId }).ToListAsync(ct);
        var tree = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Kind, u.Name }).ToDictionaryAsync(u => u.Id, ct);
        string AgencyOf(int unitId)
        {
            var u = tree[unitId];
            var seen = new HashSet<int> { u.Id };
            while (u.Kind != UnitKind.Agency && u.ParentId is { } parent && tree.TryGetValue(parent, out var up) && seen.Add(parent)) u = up;
            return u.Name;
        }
        var unitOf = await db.ContestParticipants.AsNoTracking().Where(p => p.ContestId == id).ToDictionaryAsync(p => p.Id, p => p.UnitId, ct);
        Participants = people.Select(p => new ParticipantRow(p.Id, p.PersonId is null ? p.Unit : VietnameseText.FullName(p.FamilyName, p.MiddleName, p.GivenName), p.PersonId is null ? null : p.PersonalCode, p.Unit, AgencyOf(unitOf[p.Id])))
            .OrderBy(p => p.Agency, StringComparer.Ordinal).ThenBy(p => p.Id).ToList();
        Rounds = await db.ContestRounds.AsNoTracking().Where(r => r.ContestId == id).OrderBy(r => r.Order).ToListAsync(ct);
        var roundIds = Rounds.Select(r => r.Id).ToList();
        Results = (await db.ContestResults.AsNoTracking().Where(r => roundIds.Contains(r.RoundId)).ToListAsync(ct))
            .ToDictionary(r => (r.RoundId, r.ParticipantId), r => new ResultCell(r.Score, r.Rank, r.Prize));
        if (CanManage && c.ParticipantKind == ParticipantKind.People && !string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            if (q.Length is < 2 or > 100) SearchProblem = "Tìm cán bộ: hãy nhập từ 2 đến 100 ký tự.";
            else
            {
                var allowedUnits = (await service.ParticipantUnitsAsync(Movement, actor, ct)).ToList();
                var folded = VietnameseText.Fold(q);
                var found = await db.People.AsNoTracking()
                    .Where(p => p.IsActive && p.CurrentUnitId != null && allowedUnits.Contains(p.CurrentUnitId.Value)
                        && (p.PersonalCode.StartsWith(q) || p.SearchName.Contains(folded)))
                    .OrderBy(p => p.SortKey).Take(20)
                    .Select(p => new { p.PersonalCode, p.FamilyName, p.MiddleName, p.GivenName, Unit = p.CurrentUnit!.Name }).ToListAsync(ct);
                Found = found.Select(p => (p.PersonalCode, VietnameseText.FullName(p.FamilyName, p.MiddleName, p.GivenName), p.Unit)).ToList();
            }
        }
        if (CanManage && c.ParticipantKind == ParticipantKind.Units)
        {
            var allowed = await service.ParticipantUnitsAsync(Movement, actor, ct);
            UnitOptions = (await UnitTree.OptionsAsync(db, new AccessScope(false, allowed, null, false), ct)).Take(2000).ToList();
        }
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostParticipantAsync(int id, string? personalCode, string? unitId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!CanManage) return Forbid();
        int? unit = int.TryParse(unitId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var u) ? u : null;
        var actor = await MovementActor.FromAsync(User, db, scopes, ct);
        var outcome = await service.AddParticipantAsync(id, personalCode, unit, actor, ct);
        TempData["Message"] = outcome.Ok ? "Đã thêm vào danh sách dự thi." : outcome.Error;
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostRoundAsync(int id, string? order, string? name, string? heldOn, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!CanManage) return Forbid();
        string message;
        if (!int.TryParse(order, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var o) || order!.Length > 3) message = "Thứ tự vòng thi: phải từ 1 đến 50.";
        else if (!string.IsNullOrWhiteSpace(heldOn) && !VnFormat.TryParseDate(heldOn, out _)) message = "Ngày thi: hãy nhập theo dạng dd/mm/yyyy.";
        else
        {
            DateOnly? date = VnFormat.TryParseDate(heldOn, out var d) ? d : null;
            var actor = await MovementActor.FromAsync(User, db, scopes, ct);
            var outcome = await service.AddRoundAsync(id, o, name, date, actor, ct);
            message = outcome.Ok ? "Đã thêm vòng thi." : outcome.Error!;
        }
        TempData["Message"] = message;
        return RedirectToPage("Details", new { id });
    }
}
