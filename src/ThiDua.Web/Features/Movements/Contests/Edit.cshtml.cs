using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Movements.Contests;

/// <summary>Adds a contest to a movement (?movement=id) or edits one, by whoever manages the movement.</summary>
public sealed class EditModel(AppDbContext db, UnitScopeService scopes, MovementService service) : PageModel
{
    [BindProperty] public ContestInput Input { get; set; } = new();
    [FromQuery(Name = "movement")] public int? MovementQuery { get; set; }
    public int? Id { get; private set; }
    public Movement Movement { get; private set; } = null!;

    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        Id = id;
        int? movementId = MovementQuery;
        Contest? c = null;
        if (id is not null)
        {
            c = await db.Contests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null) return NotFound();
            movementId = c.MovementId;
        }
        var m = movementId is null ? null : await db.Movements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == movementId, ct);
        if (m is null) return NotFound();
        var actor = await MovementActor.FromAsync(User, db, scopes, ct);
        if (!MovementService.CanManage(m, actor)) return Forbid();
        Movement = m;
        if (c is not null && HttpMethods.IsGet(Request.Method))
            Input = new ContestInput { Name = c.Name, Description = c.Description, ParticipantKind = c.ParticipantKind, Version = c.Version };
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var actor = await MovementActor.FromAsync(User, db, scopes, ct);
        var outcome = await service.SaveContestAsync(id, Movement.Id, Input, actor, ct);
        if (!outcome.Ok)
        {
            ModelState.AddModelError("", outcome.Error!);
            if (outcome.Conflict && outcome.CurrentVersion is { } v) { Input.Version = v; ModelState.Remove("Input.Version"); }
            return Page();
        }
        TempData["Message"] = "Đã lưu hội thi.";
        return RedirectToPage("Details", new { id = outcome.Id });
    }
}
