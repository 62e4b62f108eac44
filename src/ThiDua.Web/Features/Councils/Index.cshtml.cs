using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Councils;

/// <summary>The councils the user may read, the open sessions where they have a ballot, and founding a council for their scope.</summary>
public sealed class IndexModel(AppDbContext db, UnitScopeService scope, CouncilService councils, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Name, string Scope, int Members, int Sessions);
    public sealed record BallotRow(int SessionId, string Council, DateOnly Date, DateTime DeadlineUtc);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<BallotRow> Ballots { get; private set; } = [];
    public bool CanFoundBloc { get; private set; }
    public int? CanFoundAgency { get; private set; }
    public string? Problem { get; private set; }
    [BindProperty] public string? Name { get; set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        var q = await CouncilAccess.VisibleAsync(db, scope, User, ct);
        Rows = await q.OrderBy(c => c.BlocId == null).ThenBy(c => c.Name)
            .Select(c => new Row(c.Id, c.Name, c.Bloc != null ? c.Bloc.Name : c.Agency!.Name, c.Members.Count(m => m.ActiveTo == null), db.CouncilSessions.Count(s => s.CouncilId == c.Id))).ToListAsync(ct);
        var uid = CouncilAccess.UserId(User) ?? "";
        Ballots = await db.CouncilAttendances.Where(a => a.Member!.UserId == uid && a.Session!.State == CouncilSessionState.Open)
            .Select(a => new BallotRow(a.SessionId, a.Session!.Council!.Name, a.Session.MeetingDate, a.Session.VoteDeadlineUtc)).ToListAsync(ct);
        var roles = User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToList();
        CanFoundBloc = Roles.SeesAllUnits(roles) && !await db.Councils.AnyAsync(c => c.BlocId != null, ct) && await db.Blocs.AnyAsync(ct);
        var own = await scope.OwnAgencyIdAsync(User, ct);
        if (own is { } a && (roles.Contains(Roles.Admin) || roles.Contains(Roles.CouncilSecretariat)) && !await db.Councils.AnyAsync(c => c.AgencyId == a, ct)) CanFoundAgency = a;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostFoundAsync(string? kind, CancellationToken ct)
    {
        await LoadAsync(ct);
        int? agency = null, bloc = null;
        if (kind == "bloc") bloc = await db.Blocs.OrderBy(b => b.Id).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct);
        else agency = await scope.OwnAgencyIdAsync(User, ct);
        if (!await CouncilAccess.MayManageScopeAsync(scope, User, agency, bloc, ct)) return Forbid();
        try
        {
            var c = await councils.CreateCouncilAsync(User.UserName(), agency, bloc,
                new CouncilInput(Name ?? "", null, null, null, 2, 3, CouncilRules.QuorumDefaultSource), clock.GetUtcNow().UtcDateTime, ct);
            return RedirectToPage("Details", new { id = c.Id });
        }
        catch (CouncilException e)
        {
            Problem = e.Message;
            return Page();
        }
    }
}
