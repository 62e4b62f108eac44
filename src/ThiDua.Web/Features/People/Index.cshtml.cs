using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;
using W = ThiDua.Features.People.PeopleWorkbook;

namespace ThiDua.Features.People;

[Authorize(Policy = "RegistryReader")]
public sealed class IndexModel(AppDbContext db, UnitScopeService scopes, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    /// <summary>Up to this many search results are listed by id in one pass (see OnGetAsync); more are counted and paged by the database.</summary>
    private const int SmallResult = 2000;

    private static readonly System.Linq.Expressions.Expression<Func<Person, Row>> ToRow = p =>
        new Row(p.Id, p.PersonalCode, p.FamilyName + " " + (p.MiddleName == null ? "" : p.MiddleName + " ") + p.GivenName,
            p.Gender == Eligibility.Gender.Female ? "Nữ" : "Nam", p.BirthDate, p.Position, p.CurrentUnit!.Name, p.IsActive, p.PendingReview, p.CurrentUnitId);

    public sealed record Row(int Id, string PersonalCode, string FullName, string Gender, DateOnly? BirthDate, string? Position, string? Unit, bool IsActive, bool PendingReview, int? UnitId = null)
    {
        /// <summary>The agency the unit belongs to, shown when the list mixes agencies ("Văn phòng" exists in every one).</summary>
        public string? Agency { get; init; }
    }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public List<ThiDua.Features.Units.UnitOption> Units { get; private set; } = [];
    public int Total { get; private set; }
    public bool CanEdit { get; private set; }
    /// <summary>True when the filtered people belong to more than one agency: the list then names each one's agency.</summary>
    public bool MixesAgencies { get; private set; }
    /// <summary>Why the page asked for is not the one shown (a page that does not exist, text that is no number); null when it is.</summary>
    public string? PageProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(User, ct);
        CanEdit = scope.CanEdit;
        if (Unit is { } u && !scope.CanSeeUnit(u)) return Forbid();
        Units = await ThiDua.Features.Units.UnitTree.OptionsAsync(db, scope, ct);
        var filter = new PeopleFilter(Q, Unit, Status);
        var query = await filter.ApplyAsync(db, scope, ct);
        // A name search usually finds a few hundred people: their ids (in the list's order) and units are read in one
        // pass, which gives the total, the page and whether agencies mix; a count and a page would be two passes
        // over the names (two scans of a million rows on SQLite, which has no trigram index).
        List<(int Id, int? UnitId)>? found = null;
        if (filter.Searches)
        {
            var first = await query.Select(p => new { p.Id, p.CurrentUnitId }).Take(SmallResult + 1).ToListAsync(ct);
            if (first.Count <= SmallResult) found = first.Select(p => (p.Id, p.CurrentUnitId)).ToList();
        }
        Total = found?.Count ?? await query.CountAsync(ct);
        PageNumber = PagerModel.Bound(ModelState, PageNumber, Total, PageSize, "danh sách", out var pageProblem);
        PageProblem = pageProblem;
        var skip = (PageNumber - 1) * PageSize;
        if (found is not null)
        {
            var ids = found.Skip(skip).Take(PageSize).Select(p => p.Id).ToList();
            var byId = (await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(ToRow).ToListAsync(ct)).ToDictionary(r => r.Id);
            Rows = ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        }
        else
        {
            // A page in the second half of the list is read from its end, in the reverse order, and turned round: the
            // database then skips fewer rows than half the list rather than up to all of them ("Cuối" of a million people).
            var take = Math.Min(PageSize, Math.Max(0, Total - skip));
            var fromEnd = skip > Total / 2;
            var source = fromEnd ? (await filter.ApplyAsync(db, scope, ct, reverse: true)).Skip(Total - skip - take).Take(take) : query.Skip(skip).Take(PageSize);
            Rows = await source.Select(ToRow).ToListAsync(ct);
            if (fromEnd) Rows.Reverse();
        }
        var agencies = await ThiDua.Features.Units.UnitTree.AgencyNamesAsync(db, ct);
        MixesAgencies = found is not null
            ? found.Where(p => p.UnitId is not null).Select(p => agencies.GetValueOrDefault(p.UnitId!.Value)).Distinct().Skip(1).Any()
            : await MixesAgenciesAsync(query, agencies, ct);
        if (MixesAgencies) Rows = Rows.Select(r => r with { Agency = r.UnitId is { } u ? agencies.GetValueOrDefault(u) : null }).ToList();
        return Page();
    }


    /// <summary>
    /// Whether the filtered people's units belong to agencies of more than one name. Not by listing every unit the
    /// filter reaches (a scan of the whole registry on the unfiltered list): the page's own rows may already mix
    /// agencies; otherwise one EXISTS asks for anyone in a unit of another agency than a first person's, and stops
    /// at the first found.
    /// </summary>
    private async Task<bool> MixesAgenciesAsync(IQueryable<Person> query, Dictionary<int, string> agencies, CancellationToken ct)
    {
        var names = Rows.Where(r => r.UnitId is not null).Select(r => agencies.GetValueOrDefault(r.UnitId!.Value)).Distinct().ToList();
        if (names.Count > 1) return true;
        if (names.Count == 0)
        {
            var first = await query.Where(p => p.CurrentUnitId != null).Select(p => p.CurrentUnitId).FirstOrDefaultAsync(ct);
            if (first is not { } unit) return false;
            names.Add(agencies.GetValueOrDefault(unit));
        }
        var sameAgency = agencies.Where(a => a.Value == names[0]).Select(a => a.Key).ToList();
        return await query.AnyAsync(p => p.CurrentUnitId != null && !sameAgency.Contains(p.CurrentUnitId.Value), ct);
    }

    /// <summary>
    /// The filtered list as .xlsx, in the import template's columns so it can be edited and re-imported: codes as Text,
    /// dates as dates, text that looks like a formula neutralised. Recorded in the audit (personal data leaves the app).
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(User, ct);
        if (Unit is { } u && !scope.CanSeeUnit(u)) return Forbid();
        var query = await new PeopleFilter(Q, Unit, Status).ApplyAsync(db, scope, ct);
        var rows = await query.Select(p => new { p.PersonalCode, p.FamilyName, p.MiddleName, p.GivenName, p.Gender, p.BirthDate, p.Position, UnitCode = p.CurrentUnit!.Code, UnitName = p.CurrentUnit!.Name, p.HiredOn, p.NationalId, p.CivilServantCode, p.IsActive }).ToListAsync(ct);
        var people = rows.Select(p => (IReadOnlyList<object?>)
        [
            p.PersonalCode, p.FamilyName, p.MiddleName, p.GivenName, p.Gender == Eligibility.Gender.Female ? "Nữ" : "Nam",
            p.BirthDate, p.Position, p.UnitCode, p.HiredOn, p.NationalId, p.CivilServantCode, p.UnitName, p.IsActive ? "Đang công tác" : "Ngừng theo dõi",
        ]);
        // Awards go with the people in the template's columns; proposals are left out, since importing a row
        // records a conferred award.
        var ids = query.Select(p => p.Id);
        var awards = await db.Awards.AsNoTracking()
            .Where(a => a.PersonId != null && ids.Contains(a.PersonId.Value) && a.Status == Awards.AwardStatus.Conferred)
            .Select(a => new { a.Person!.PersonalCode, Award = a })
            .ToListAsync(ct);
        var awardRows = awards.OrderBy(a => a.PersonalCode, StringComparer.Ordinal).ThenBy(a => a.Award.Year).ThenBy(a => a.Award.Code, StringComparer.Ordinal)
            .Select(a => W.AwardCells(a.PersonalCode, a.Award));
        using var ms = new MemoryStream();
        XlsxWriter.Write(ms,
        [
            new XlsxSheet(W.PeopleSheet, W.Columns([.. W.PeopleColumns, W.UnitName, "Trạng thái"]), people),
            new XlsxSheet(W.AwardsSheet, W.Columns(W.AwardColumns), awardRows),
        ]);
        db.Audit(User.UserName(), "Xuất danh sách cán bộ", "Export", "/People", $"{await SelectionAsync(ct)}; {VnFormat.Number(rows.Count)} cán bộ, {VnFormat.Number(awards.Count)} khen thưởng", code: Unit is null ? null : await db.Units.Where(x => x.Id == Unit).Select(x => x.Code).FirstOrDefaultAsync(ct));
        await db.SaveChangesAsync(ct);
        return File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"danh-sach-can-bo-{clock.VietnamToday():yyyyMMdd}.xlsx");
    }

    /// <summary>The export's selection in words, for the audit: unit, search text, status.</summary>
    private async Task<string> SelectionAsync(CancellationToken ct)
    {
        var parts = new List<string>();
        if (Unit is { } id) parts.Add($"đơn vị: {await db.Units.Where(x => x.Id == id).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        else parts.Add("đơn vị: mọi đơn vị trong phạm vi");
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add($"tìm: \"{Q.Trim()[..Math.Min(Q.Trim().Length, 100)]}\"");
        if (!string.IsNullOrWhiteSpace(Status)) parts.Add($"trạng thái: {Status}");
        return string.Join("; ", parts);
    }

    public string PageUrl(int page) => Url.Page("Index", new { Q, Unit, Status, p = page })!;

    // The unit tree now lives in Units/UnitTree. This forwarder keeps the pages that still call it here
    // (People/Edit, People/Details, Eligibility/Index, Admin/Accounts/Edit) building until they call UnitTree.
}
