using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations;

/// <summary>Downloads a document of a dossier after the unit check; the document must belong to the dossier in the route.</summary>
public sealed class DocumentModel(AppDbContext db, UnitScopeService scopes, DocumentFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int doc, CancellationToken ct)
    {
        var n = await db.Nominations.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.AgencyId }).FirstOrDefaultAsync(ct);
        if (n is null) return NotFound();
        var access = await DossierAccess.ForAsync(User, scopes, ct);
        if (!access.CanRead(n.AgencyId)) return Forbid();
        var d = await db.DossierDocuments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == doc && x.NominationId == id, ct);
        if (d is null) return NotFound();
        var stream = files.OpenRead(d.StoredName);
        if (stream is null) return NotFound();
        return File(stream, d.ContentType, d.FileName);
    }
}
