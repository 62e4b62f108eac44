using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations;

/// <summary>
/// The dossiers: the bloc secretariat and the administrator see every agency's; everyone else their own agency's.
/// Filters: year, state, level, form, agency (secretariat), the subject's name; paged.
/// </summary>
public sealed class IndexModel(AppDbContext db, UnitScopeService scopes) : PageModel
{
    public sealed record Row(int Id, int Year, string Code, NominationSubject Subject, string SubjectName, string? PersonalCode, NominationLevel Level,
        string Agency, NominationState State, DateOnly? DueOn);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public DossierAccess Access { get; private set; } = null!;
    public List<string> Problems { get; } = [];
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public List<(int Id, string Name)> Agencies { get; private set; } = [];
    public NominationState? StateFilter { get; private set; }
    public NominationLevel? LevelFilter { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Access = await DossierAccess.ForAsync(User, scopes, ct);
        if (!Access.Secretariat && Access.OwnAgencyId is null) return Page();
        var q = db.Nominations.AsNoTracking();
        if (Access.Secretariat)
        {
            Agencies = (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Agency).Select(u => new { u.Id, u.Name, u.SortKey }).ToListAsync(ct))
                .OrderBy(u => u.SortKey, StringComparer.Ordinal).Select(u => (u.Id, u.Name)).ToList();
            if (Bad(nameof(Agency)) || Agency is { } a && Agencies.All(x => x.Id != a))
            {
                Problems.Add("Cơ quan: không có trong danh sách; đang hiện mọi cơ quan.");
                Agency = null;
            }
            if (Agency is { } ag) q = q.Where(n => n.AgencyId == ag);
        }
        else
        {
            var own = Access.OwnAgencyId!.Value;
            q = q.Where(n => n.AgencyId == own);
            Agency = null;
        }
        if (Bad(nameof(Year)) || Year is { } y0 && !DossierRules.InYearRange(y0))
        {
            Problems.Add($"{DossierRules.YearRangeMessage("Năm")} Đang hiện mọi năm.");
            Year = null;
        }
        if (Year is { } y) q = q.Where(n => n.Year == y);
        if (!string.IsNullOrEmpty(State))
        {
            if (Enum.TryParse<NominationState>(State, ignoreCase: false, out var s) && Enum.IsDefined(s) && !int.TryParse(State, out _)) { StateFilter = s; q = q.Where(n => n.State == s); }
            else { Problems.Add("Trạng thái: không có trong danh sách; đang hiện mọi trạng thái."); State = null; }
        }
        if (!string.IsNullOrEmpty(Level))
        {
            if (Enum.TryParse<NominationLevel>(Level, ignoreCase: false, out var l) && Enum.IsDefined(l) && !int.TryParse(Level, out _)) { LevelFilter = l; q = q.Where(n => n.Level == l); }
            else { Problems.Add("Cấp xét: không có trong danh sách; đang hiện mọi cấp."); Level = null; }
        }
        if (!string.IsNullOrEmpty(Code))
        {
            if (Eligibility.EligibilityCodes.Catalogue.Any(c => c.Code == Code)) { var c = Code; q = q.Where(n => n.Code == c); }
            else { Problems.Add("Danh hiệu, hình thức: không có trong danh sách; đang hiện mọi hình thức."); Code = null; }
        }
        if (Q is { Length: > DossierRules.MaxSearch })
        {
            Problems.Add($"Tìm theo tên: tối đa {DossierRules.MaxSearch} ký tự.");
            Q = Q[..DossierRules.MaxSearch];
        }
        var folded = VietnameseText.Fold(Q);
        if (folded.Length > 0)
        {
            var code = Q!.Trim();
            q = q.Where(n => n.Person != null && (n.Person.SearchName.Contains(folded) || n.Person.PersonalCode == code) || n.Unit != null && n.Unit.SearchName.Contains(folded));
        }
        Total = await q.CountAsync(ct);
        if (Bad("p")) PageNumber = 0;
        PageNumber = PagerModel.Bound(ModelState, PageNumber, Total, DossierRules.PageSize, "danh sách hồ sơ", out var pageProblem);
        if (pageProblem is not null) Problems.Add(pageProblem);
        Rows = (await q.OrderByDescending(n => n.Year).ThenByDescending(n => n.Id)
            .Skip((PageNumber - 1) * DossierRules.PageSize).Take(DossierRules.PageSize)
            .Select(n => new
            {
                n.Id, n.Year, n.Code, n.Subject, n.Person!.FamilyName, n.Person.MiddleName, n.Person.GivenName, n.Person.PersonalCode,
                UnitName = n.Unit!.Name, n.Level, Agency = n.Agency!.Name, n.State, n.DueOn,
            }).ToListAsync(ct))
            .Select(n => new Row(n.Id, n.Year, n.Code, n.Subject,
                n.Subject == NominationSubject.Person ? VietnameseText.FullName(n.FamilyName ?? "", n.MiddleName, n.GivenName ?? "") : n.UnitName ?? "",
                n.PersonalCode, n.Level, n.Agency, n.State, n.DueOn)).ToList();
        return Page();
    }

    private bool Bad(string key)
    {
        if (!ModelState.TryGetValue(key, out var e) || e.Errors.Count == 0) return false;
        ModelState.Remove(key);
        return true;
    }

    public string PageUrl(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["state"] = State, ["level"] = Level, ["code"] = Code,
        ["agency"] = Agency?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["q"] = Q,
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent() is var qs ? "/Nominations" + qs : "/Nominations";
}
