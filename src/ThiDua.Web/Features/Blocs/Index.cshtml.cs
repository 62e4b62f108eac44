using ThiDua.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;

namespace ThiDua.Features.Blocs;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Name, string Code, bool IsActive, int Members, string? Leader);

    public List<Row> Rows { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.BlocSecretariat);
        var year = clock.VietnamYear();
        Rows = await db.Blocs.AsNoTracking().OrderBy(b => b.Name)
            .Select(b => new Row(b.Id, b.Name, b.Code, b.IsActive,
                b.Members.Count(m => m.FromYear <= year && (m.ToYear == null || m.ToYear >= year)),
                b.Leaders.Where(l => l.Year == year && l.Role == BlocRole.Leader).Select(l => l.Unit!.Name).FirstOrDefault()))
            .ToListAsync(ct);
    }
}
