using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Models;

/// <summary>An evidence file of one stage step, for whoever may read the model (its agency, or the bloc secretariat).</summary>
public sealed class EvidenceModel(AppDbContext db, UnitScopeService scopes, DocumentFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var e = await db.ModelStageEntries.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Model!.AgencyId, x.EvidenceStoredName, x.EvidenceFileName, x.EvidenceKind }).FirstOrDefaultAsync(ct);
        if (e is null) return NotFound();
        if (!(await ModelActor.ForAsync(User, scopes, ct)).CanRead(e.AgencyId)) return Forbid();
        if (e.EvidenceStoredName is null || e.EvidenceKind is null) return NotFound();
        var stream = files.OpenRead(e.EvidenceStoredName);
        if (stream is null) return NotFound();
        return File(stream, DocumentFiles.ContentTypeOf(e.EvidenceKind.Value, e.EvidenceFileName ?? ""), e.EvidenceFileName ?? "minh-chung");
    }
}
