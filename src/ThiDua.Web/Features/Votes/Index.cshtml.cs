using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Votes;

public sealed class IndexModel(AppDbContext db, UnitScopeService scope) : PageModel
{
    public sealed record Row(int Id, int Year, string Title, DateOnly MeetingDate, string Place, VoteState State, string Bloc);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool Manages { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Manages = VoteAccess.Manages(User);
        Rows = await (await VoteAccess.VisibleAsync(db, scope, User, ct)).AsNoTracking()
            .OrderByDescending(s => s.Year).ThenByDescending(s => s.MeetingDate).ThenByDescending(s => s.Id).Take(500)
            .Select(s => new Row(s.Id, s.Year, s.Title, s.MeetingDate, s.Place, s.State, s.Bloc!.Name)).ToListAsync(ct);
    }
}
