using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Models;

/// <summary>One model: who or what it is, its stages with notes and evidence, its movements, and the portal flag.</summary>
public sealed class DetailsModel(AppDbContext db, UnitScopeService scopes, ModelRegister register) : PageModel
{
    public sealed record Facts(int Id, ModelKind Kind, string Name, string? Title, int? PersonId, string? PersonalCode, int? UnitId, string? Unit, int AgencyId, string Agency,
        int Year, string? Description, ModelStage Stage, bool OnPortal, int Version);

    public Facts Item { get; private set; } = null!;
    public List<ModelStageEntry> Stages { get; private set; } = [];
    public List<MovementChoice> Movements { get; private set; } = [];
    public bool CanChange { get; private set; }
    public List<string> Problems { get; } = [];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var actor = await ModelActor.ForAsync(User, scopes, ct);
        var m = await db.ExemplaryModels.AsNoTracking().Where(x => x.Id == id).Select(x => new
        {
            x.Id, x.Kind, x.Title, x.PersonId, PersonalCode = x.Person == null ? null : x.Person.PersonalCode,
            Family = x.Person == null ? null : x.Person.FamilyName, Middle = x.Person == null ? null : x.Person.MiddleName, Given = x.Person == null ? null : x.Person.GivenName,
            x.UnitId, Unit = x.Unit == null ? null : x.Unit.Name, x.AgencyId, Agency = x.Agency!.Name, x.Year, x.Description, x.Stage, x.OnPortal, x.Version,
        }).FirstOrDefaultAsync(ct);
        if (m is null) return NotFound();
        if (!actor.CanRead(m.AgencyId)) return Forbid();
        CanChange = actor.CanChange(m.AgencyId);
        Item = new Facts(m.Id, m.Kind, IndexModel.NameOf(m.Kind, m.Title, m.Unit, m.Family, m.Middle, m.Given), m.Kind == ModelKind.Practice ? null : m.Title,
            m.PersonId, m.PersonalCode, m.UnitId, m.Unit, m.AgencyId, m.Agency, m.Year, m.Description, m.Stage, m.OnPortal, m.Version);
        Stages = await db.ModelStageEntries.AsNoTracking().Where(e => e.ModelId == id).OrderBy(e => e.Id).ToListAsync(ct);
        Movements = await register.MovementsAsync(await db.ModelMovements.AsNoTracking().Where(x => x.ModelId == id).Select(x => x.MovementId).ToListAsync(ct), ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostPortalAsync(int id, bool onPortal, int version, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var outcome = await register.SetPortalAsync(await ModelActor.ForAsync(User, scopes, ct), id, version, onPortal, ct);
        if (outcome.Forbidden) return Forbid();
        if (outcome.Ok)
        {
            TempData["Message"] = onPortal ? "Đã đánh dấu đưa lên cổng thông tin." : "Đã bỏ đánh dấu đưa lên cổng thông tin.";
            return RedirectToPage("Details", new { id });
        }
        await LoadAsync(id, ct);
        Problems.AddRange(outcome.Errors);
        return Page();
    }
}
