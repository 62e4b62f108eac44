using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ThiDua.Data;
using ThiDua.Infrastructure;
using W = ThiDua.Features.People.PeopleWorkbook;

namespace ThiDua.Features.People;

[Authorize(Policy = "RegistryReader")]
public sealed class IndexModel(AppDbContext db, UnitScopeService scopes) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string PersonalCode, string FullName, string Gender, DateOnly? BirthDate, string? Position, string? Unit, bool IsActive, bool PendingReview);
    public sealed record UnitOption(int Id, string Name, int Depth);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public List<UnitOption> Units { get; private set; } = [];
    public int Total { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(User, ct);
        CanEdit = scope.CanEdit;
        if (Unit is { } u && !scope.CanSeeUnit(u)) return Forbid();
        Units = await UnitOptionsAsync(db, scope, ct);
        var query = await new PeopleFilter(Q, Unit, Status).ApplyAsync(db, scope, ct);
        Total = await query.CountAsync(ct);
        PageNumber = PagerModel.Clamp(PageNumber);
        Rows = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new Row(p.Id, p.PersonalCode, p.FamilyName + " " + (p.MiddleName == null ? "" : p.MiddleName + " ") + p.GivenName,
                p.Gender == Eligibility.Gender.Female ? "Nữ" : "Nam", p.BirthDate, p.Position, p.CurrentUnit!.Name, p.IsActive, p.PendingReview))
            .ToListAsync(ct);
        return Page();
    }

    /// <summary>The filtered list as .xlsx, in the import template's columns so it can be edited and re-imported.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(User, ct);
        if (Unit is { } u && !scope.CanSeeUnit(u)) return Forbid();
        var query = await new PeopleFilter(Q, Unit, Status).ApplyAsync(db, scope, ct);
        var rows = await query.Select(p => new { p.PersonalCode, p.FamilyName, p.MiddleName, p.GivenName, p.Gender, p.BirthDate, p.Position, UnitCode = p.CurrentUnit!.Code, UnitName = p.CurrentUnit!.Name, p.HiredOn, p.IsActive }).ToListAsync(ct);
        var sheet = rows.Select(p => new Dictionary<string, object?>
        {
            [W.Code] = p.PersonalCode,
            [W.Family] = p.FamilyName,
            [W.Middle] = p.MiddleName,
            [W.Given] = p.GivenName,
            [W.GenderCol] = p.Gender == Eligibility.Gender.Female ? "Nữ" : "Nam",
            [W.Birth] = VnFormat.Date(p.BirthDate),
            [W.PositionCol] = p.Position,
            [W.UnitCode] = p.UnitCode,
            [W.Hired] = VnFormat.Date(p.HiredOn),
            [W.UnitName] = p.UnitName,
            ["Trạng thái"] = p.IsActive ? "Đang công tác" : "Ngừng theo dõi",
        });
        // Awards go with the people in the template's columns; proposals are left out, since importing a row
        // records a conferred award.
        var ids = query.Select(p => p.Id);
        var awards = await db.Awards.AsNoTracking()
            .Where(a => a.PersonId != null && ids.Contains(a.PersonId.Value) && a.Status == Awards.AwardStatus.Conferred)
            .Select(a => new { a.Person!.PersonalCode, Award = a })
            .ToListAsync(ct);
        var awardSheet = awards.OrderBy(a => a.PersonalCode, StringComparer.Ordinal).ThenBy(a => a.Award.Year).ThenBy(a => a.Award.Code, StringComparer.Ordinal)
            .Select(a => W.AwardCells(a.PersonalCode, a.Award)).ToList();
        var sheets = new Dictionary<string, object> { [W.PeopleSheet] = sheet.ToList() };
        sheets[W.AwardsSheet] = awardSheet.Count > 0 ? awardSheet : [W.AwardColumns.ToDictionary(c => c, _ => (object?)null)];
        using var ms = new MemoryStream();
        ms.SaveAs(sheets, excelType: ExcelType.XLSX);
        return File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"danh-sach-can-bo-{DateTime.UtcNow:yyyyMMdd}.xlsx");
    }

    public string PageUrl(int page) => Url.Page("Index", new { Q, Unit, Status, p = page })!;

    // The unit tree now lives in Units/UnitTree. This forwarder keeps the pages that still call it here
    // (People/Edit, People/Details, Eligibility/Index, Admin/Accounts/Edit) building until they call UnitTree.
    public static async Task<List<UnitOption>> UnitOptionsAsync(AppDbContext db, AccessScope scope, CancellationToken ct) =>
        (await ThiDua.Features.Units.UnitTree.OptionsAsync(db, scope, ct)).Select(o => new UnitOption(o.Id, o.Name, o.Depth)).ToList();
}
