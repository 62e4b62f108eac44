using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Agreements;

/// <summary>The agreements a user may read: all of them for the bloc secretariat, the signed ones their agency signed for anyone else.</summary>
public sealed class IndexModel(AppDbContext db, UnitScopeService scopes) : PageModel
{
    public sealed record Row(int Id, string Title, string Bloc, int Year, DateOnly? SignedOn, string? Place, AgreementState State, int Signatories, bool HasCopy);

    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    public int? YearValue { get; private set; }
    public string? YearProblem { get; private set; }
    public bool Secretariat { get; private set; }
    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reader = await AgreementReader.ForAsync(User, scopes, ct);
        Secretariat = reader.Secretariat;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (int.TryParse(Year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= AgreementRules.FirstYear and <= AgreementRules.LastYear) YearValue = y;
            else YearProblem = $"Năm phải từ {AgreementRules.FirstYear} đến {AgreementRules.LastYear}; đang hiển thị mọi năm.";
        }
        var q = reader.Visible(db).AsNoTracking();
        if (YearValue is { } year) q = q.Where(a => a.Year == year);
        Rows = await q.OrderByDescending(a => a.Year).ThenBy(a => a.Id).Take(500)
            .Select(a => new Row(a.Id, a.Title, a.Bloc!.Name, a.Year, a.SignedOn, a.Place, a.State, a.Signatories.Count, a.CopyStoredName != null))
            .ToListAsync(ct);
    }
}
