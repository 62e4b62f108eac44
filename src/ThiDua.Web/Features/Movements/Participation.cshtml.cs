using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Movements;

/// <summary>One member agency's participation in a national movement for one year: its officer fills it, the secretariat any.</summary>
public sealed class ParticipationModel(AppDbContext db, UnitScopeService scopes, MovementService service) : PageModel
{
    [BindProperty] public ParticipationInput Input { get; set; } = new();
    [FromQuery(Name = "unit")] public int? UnitId { get; set; }
    [FromQuery(Name = "year")] public string? YearText { get; set; }
    public int Year { get; private set; }
    public Movement Movement { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public string? Problem { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var m = await db.Movements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.IsNational, ct);
        if (m is null) return NotFound();
        Movement = m;
        var actor = await MovementActor.FromAsync(User, db, scopes, ct);
        UnitId ??= actor.AgencyId;
        if (UnitId is not { } unit || !actor.ActsFor(unit)) return Forbid();
        var year = MovementPages.ParseYear(YearText, "Năm", out var problem);
        Problem = problem;
        Year = year ?? m.Year;
        var name = await db.Units.AsNoTracking().Where(u => u.Id == unit).Select(u => u.Name).FirstOrDefaultAsync(ct);
        if (name is null) return NotFound();
        UnitName = name;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var row = await db.NationalParticipations.AsNoTracking().FirstOrDefaultAsync(p => p.MovementId == id && p.UnitId == UnitId && p.Year == Year, ct);
        if (row is not null) Input = new ParticipationInput { Participating = row.Participating, Activities = row.Activities, Result = row.Result, AmountVnd = row.AmountVnd, Version = row.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Problem is not null) { ModelState.AddModelError("", Problem); return Page(); }
        if (!ModelState.IsValid) return Page();
        var actor = await MovementActor.FromAsync(User, db, scopes, ct);
        var outcome = await service.SaveParticipationAsync(id, UnitId!.Value, Year, Input, actor, ct);
        if (!outcome.Ok)
        {
            ModelState.AddModelError("", outcome.Error!);
            if (outcome.Conflict && outcome.CurrentVersion is { } v) { Input.Version = v; ModelState.Remove("Input.Version"); }
            return Page();
        }
        TempData["Message"] = $"Đã lưu kết quả hưởng ứng của {UnitName} năm {Year}.";
        return Redirect(FormattableString.Invariant($"/Movements/Details/{id}?year={Year}"));
    }
}
