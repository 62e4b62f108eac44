using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;

namespace ThiDua.Features.Movements.Directives;

/// <summary>The directives library: every reader reads it and downloads the texts; the bloc secretariat keeps it.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<Directive> Rows { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = Roles.SeesAllUnits(User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value));
        Rows = await db.Directives.AsNoTracking().OrderByDescending(d => d.IssuedOn).Take(1000).ToListAsync(ct);
    }
}
