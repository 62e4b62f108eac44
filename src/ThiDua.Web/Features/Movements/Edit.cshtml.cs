using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Movements;

/// <summary>Creates or edits a movement (not once it has ended): the secretariat for the bloc, an agency's officer for its agency.</summary>
public sealed class EditModel(AppDbContext db, UnitScopeService scopes, MovementService service, TimeProvider clock) : PageModel
{
    public sealed record DirectiveOption(int Id, string Number, DateOnly IssuedOn, string Title);

    [BindProperty] public MovementInput Input { get; set; } = new();
    public int? Id { get; private set; }
    public MovementActor Actor { get; private set; } = null!;
    public List<DirectiveOption> DirectiveOptions { get; private set; } = [];
    public List<UnitOption> TargetOptions { get; private set; } = [];
    public bool WasNational { get; private set; }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        DirectiveOptions = await db.Directives.AsNoTracking().OrderBy(d => d.IssuedOn).Select(d => new DirectiveOption(d.Id, d.Number, d.IssuedOn, d.Title)).ToListAsync(ct);
        var year = Input.Year is { } y && MovementService.InRange(y) ? y : VnFormat.ToVietnamTime(clock.GetUtcNow().UtcDateTime).Year;
        TargetOptions = await service.TargetOptionsAsync(Actor, year, ct);
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Actor = await MovementActor.FromAsync(User, db, scopes, ct);
        Id = id;
        if (id is null)
        {
            if (!Actor.Secretariat && !(Actor.Officer && Actor.AgencyId is not null)) return Forbid();
            Input.Year = VnFormat.ToVietnamTime(clock.GetUtcNow().UtcDateTime).Year;
            Input.Scope = Actor.Secretariat ? MovementScope.SectorOrLocality : MovementScope.AgencyOrUnit;
        }
        else
        {
            var m = await db.Movements.AsNoTracking().Include(x => x.Directives).Include(x => x.Targets).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (m is null) return NotFound();
            if (!MovementService.CanManage(m, Actor)) return Forbid();
            WasNational = m.IsNational;
            Input = new MovementInput
            {
                Year = m.Year, Kind = m.Kind, Theme = m.Theme, Content = m.Content, Criteria = m.Criteria, StartDate = m.StartDate, EndDate = m.EndDate,
                IsNational = m.IsNational, NationalAuthority = m.NationalAuthority, Scope = m.Scope, Duration = m.Duration, Method = m.Method, Funding = m.Funding,
                DirectiveIds = m.Directives.Select(d => d.DirectiveId).ToList(), TargetUnitIds = m.Targets.Select(t => t.UnitId).ToList(), Version = m.Version,
            };
        }
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Actor = await MovementActor.FromAsync(User, db, scopes, ct);
        Id = id;
        if (id is not null)
        {
            var m = await db.Movements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (m is null) return NotFound();
            if (!MovementService.CanManage(m, Actor)) return Forbid();
            WasNational = m.IsNational;
        }
        else if (!Actor.Secretariat && !(Actor.Officer && Actor.AgencyId is not null)) return Forbid();
        if (!Actor.Secretariat && Input.IsNational) return Forbid();
        if (Input.DirectiveIds.Count > 100 || Input.TargetUnitIds.Count > 1000) ModelState.AddModelError("", "Chọn quá nhiều chỉ thị hoặc đơn vị.");
        if (ModelState.IsValid)
        {
            var outcome = await service.SaveMovementAsync(id, Input, Actor, ct);
            if (outcome.Ok)
            {
                TempData["Message"] = Lang(id is null ? "Đã thêm phong trào (dự thảo)." : "Đã lưu phong trào.");
                return RedirectToPage("Details", new { id = outcome.Id });
            }
            ModelState.AddModelError("", outcome.Error!);
            if (outcome.Conflict && outcome.CurrentVersion is { } v)
            {
                Input.Version = v;
                ModelState.Remove("Input.Version");
            }
        }
        await LoadOptionsAsync(ct);
        return Page();
    }

    private static string Lang(string vi) => vi;
}
