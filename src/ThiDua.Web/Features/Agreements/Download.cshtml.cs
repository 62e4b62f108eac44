using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Agreements;

/// <summary>The signed copy, for the bloc secretariat and the agencies that signed it (the same rule as the details page).</summary>
public sealed class DownloadModel(AppDbContext db, UnitScopeService scopes, DocumentFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var reader = await AgreementReader.ForAsync(User, scopes, ct);
        var a = await reader.Visible(db).AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.CopyStoredName, x.CopyFileName, x.CopyKind }).FirstOrDefaultAsync(ct);
        if (a is null) return await db.Agreements.AnyAsync(x => x.Id == id, ct) ? Forbid() : NotFound();
        if (a.CopyStoredName is null || a.CopyKind is null) return NotFound();
        var stream = files.OpenRead(a.CopyStoredName);
        if (stream is null) return NotFound();
        return File(stream, DocumentFiles.ContentTypeOf(a.CopyKind.Value, a.CopyFileName ?? ""), a.CopyFileName ?? "giao-uoc");
    }
}
