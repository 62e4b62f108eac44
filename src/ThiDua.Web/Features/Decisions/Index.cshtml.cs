using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Decisions;

public sealed class IndexModel(AppDbContext db, UnitScopeService scope) : PageModel
{
    public sealed record Row(int Id, int Year, DecisionKind Kind, string Code, string? NumberText, DateOnly? SignedOn, string Subject, string Issuer, bool Bloc, DecisionState State, int Count);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public List<Row> Rows { get; private set; } = [];
    public string? Problem { get; private set; }
    public bool CanCreateBloc { get; private set; }
    public int? OwnAgency { get; private set; }
    public bool CanCreateOwn { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || Year is < DecisionService.MinYear or > DecisionService.MaxYear)
        {
            Problem = $"Năm phải từ {DecisionService.MinYear} đến {DecisionService.MaxYear}.";
            Year = null;
        }
        var actor = await DecisionAccess.ActorAsync(scope, User, ct);
        CanCreateBloc = DecisionAccess.CanCreate(actor, null);
        OwnAgency = actor.Agency;
        CanCreateOwn = actor.Agency is { } a && DecisionAccess.CanCreate(actor, a);
        var q = DecisionAccess.Visible(db, actor);
        if (Year is { } y) q = q.Where(d => d.Year == y);
        Rows = await q.OrderByDescending(d => d.Year).ThenByDescending(d => d.SignedOn).ThenByDescending(d => d.Id).Take(500)
            .Select(d => new Row(d.Id, d.Year, d.Kind, d.Code, d.NumberText, d.SignedOn, d.Subject, d.BlocId != null ? d.Bloc!.Name : d.IssuerAgency!.Name, d.BlocId != null, d.State, d.Recipients.Count))
            .ToListAsync(ct);
        return Page();
    }
}
