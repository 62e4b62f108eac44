using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations;

/// <summary>Removing a document of a draft or returned dossier, confirmed on its own page.</summary>
public sealed class RemoveDocumentModel(AppDbContext db, UnitScopeService scopes, DossierService service, DocumentFiles files, TimeProvider clock) : PageModel
{
    public int NominationId { get; private set; }
    public DossierDocument Document { get; private set; } = null!;
    public string? Problem { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, int doc, CancellationToken ct)
    {
        var n = await db.Nominations.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.AgencyId, x.State }).FirstOrDefaultAsync(ct);
        if (n is null) return NotFound();
        var access = await DossierAccess.ForAsync(User, scopes, ct);
        if (!access.CanRead(n.AgencyId) || !access.CanWrite(n.AgencyId)) return Forbid();
        var d = await db.DossierDocuments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == doc && x.NominationId == id, ct);
        if (d is null) return NotFound();
        (NominationId, Document) = (id, d);
        if (!DossierRules.IsEditable(n.State))
            Problem = $"Hồ sơ đang ở trạng thái \"{NominationWorkflow.StateName(n.State)}\": chỉ xóa tài liệu khi là dự thảo hoặc bị trả lại để bổ sung.";
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, int doc, CancellationToken ct) => await LoadAsync(id, doc, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int doc, CancellationToken ct)
    {
        if (await LoadAsync(id, doc, ct) is { } refused) return refused;
        if (Problem is not null) return Page();
        try
        {
            var stored = await service.RemoveDocumentAsync(id, doc, User.UserName(), clock.GetUtcNow().UtcDateTime, ct);
            files.Delete(stored);
        }
        catch (DossierRefusedException ex)
        {
            Problem = ex.Message;
            return Page();
        }
        TempData["Message"] = "Đã xóa tài liệu khỏi hồ sơ.";
        return RedirectToPage("Details", new { id });
    }
}
