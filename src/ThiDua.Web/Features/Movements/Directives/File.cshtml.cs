using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Movements.Directives;

/// <summary>A directive's PDF, for every reader of the registry (directives are the bloc's common library).</summary>
public sealed class FileModel(AppDbContext db, DocumentFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var d = await db.Directives.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d?.FileStoredName is null) return NotFound();
        var stream = files.OpenRead(d.FileStoredName);
        if (stream is null) return NotFound();
        return File(stream, "application/pdf", d.FileName ?? "chi-thi.pdf");
    }
}
