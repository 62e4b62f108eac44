using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Audit;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Admin.Audit;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 100;
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public List<AuditEntry> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Entity)) q = q.Where(a => a.EntityId == Entity.Trim() || a.UserName == Entity.Trim());
        Total = await q.CountAsync(ct);
        PageNumber = PagerModel.Clamp(PageNumber);
        Rows = await q.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    public string PageUrl(int page) => Url.Page("Index", new { Entity, p = page })!;
}
