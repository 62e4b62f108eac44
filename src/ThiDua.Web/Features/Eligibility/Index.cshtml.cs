using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Eligibility;

/// <summary>Who in a unit meets the criteria for what in a year, with the unit's share limits; exportable to .xlsx.</summary>
[Authorize(Policy = "RegistryReader")]
public sealed class IndexModel(AppDbContext db, UnitScopeService scopes, RuleBookStore rules, TimeProvider clock) : PageModel
{
    public sealed record Row(int PersonId, string PersonalCode, string FullName, string Unit, IReadOnlyList<EligibilityResult> Results);

    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? Verdict { get; set; }

    public List<People.IndexModel.UnitOption> Units { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public List<QuotaFinding> Quotas { get; private set; } = [];
    public RuleSet RuleSet { get; private set; } = null!;
    public int EvaluationYear { get; private set; }
    public string? UnitName { get; private set; }
    public Dictionary<string, int> EligibleCounts { get; private set; } = [];
    public int PeopleCount { get; private set; }
    public sealed record CollectiveRow(int UnitId, string Name, CollectiveYearFacts? Facts, IReadOnlyList<EligibilityResult> Results);
    public List<CollectiveRow> Collectives { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(User, ct);
        Units = await People.IndexModel.UnitOptionsAsync(db, scope, ct);
        Unit ??= Units.FirstOrDefault()?.Id;
        if (Unit is not { } unitId) return null;
        if (!scope.CanSeeUnit(unitId)) return Forbid();
        UnitName = Units.FirstOrDefault(u => u.Id == unitId)?.Name;
        EvaluationYear = Year ?? await RegistryFacts.DefaultYearAsync(db, clock, ct);
        var engine = EligibilityEngine.For(await rules.GetAsync(ct), EvaluationYear);
        RuleSet = engine.RuleSet;

        var tree = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Name, u.Code, u.Kind }).ToListAsync(ct);
        var sub = UnitScopeService.Subtree(unitId, tree.Select(u => (u.Id, u.ParentId))).ToList();
        var people = await db.People.AsNoTracking().Where(p => p.IsActive && p.CurrentUnitId != null && sub.Contains(p.CurrentUnitId.Value))
            .OrderBy(p => p.SortKey).Select(p => new { p.Id, p.PersonalCode, p.FamilyName, p.MiddleName, p.GivenName, Unit = p.CurrentUnit!.Name }).ToListAsync(ct);
        var facts = (await RegistryFacts.ForPeopleAsync(db, people.Select(p => p.Id).ToList(), ct)).ToDictionary(f => f.Id);
        var all = people.Select(p => new Row(p.Id, p.PersonalCode, VietnameseText.FullName(p.FamilyName, p.MiddleName, p.GivenName), p.Unit, engine.Evaluate(facts[p.PersonalCode]))).ToList();
        PeopleCount = all.Count;
        EligibleCounts = EligibilityCodes.Individual.ToDictionary(c => c, c => all.Count(r => r.Results.Any(x => x.Code == c && x.Verdict == Eligibility.Verdict.Eligible)));
        Rows = all.Where(r => Code is null || r.Results.Any(x => x.Code == Code && (Verdict is null || EligibilityOutputWriter.VerdictCode(x.Verdict) == Verdict))).ToList();

        // Collectives: the chosen unit and the units under it, evaluated from the registry.
        var collectiveUnits = tree.Where(u => sub.Contains(u.Id)).ToList();
        var collectiveFacts = await RegistryFacts.ForUnitsAsync(db, collectiveUnits.Select(u => u.Id).ToList(), EvaluationYear, ct);
        Collectives = collectiveUnits.Zip(collectiveFacts, (u, f) => new CollectiveRow(u.Id, u.Name, f.Years.TryGetValue(EvaluationYear, out var y) ? y : null, engine.Evaluate(f))).ToList();

        // Share limits for each agency under the chosen unit: on the titles conferred that year, and on
        // the list that proposing every eligible person would make.
        var agencies = tree.Where(u => sub.Contains(u.Id) && (u.Id == unitId || u.Kind == UnitKind.Agency)).ToList();
        var conferred = await db.Awards.AsNoTracking().Where(a => a.Year == EvaluationYear && a.PersonId != null && (a.Code == "LDTT" || a.Code == "CSTDCS") && a.Status == AwardStatus.Conferred)
            .Select(a => new { a.Code, a.Person!.CurrentUnitId }).ToListAsync(ct);
        var proposals = new List<UnitProposals>();
        foreach (var a in agencies)
        {
            var ids = UnitScopeService.Subtree(a.Id, tree.Select(u => (u.Id, u.ParentId)));
            proposals.Add(new UnitProposals(a.Code, $"{a.Name} — đã công nhận năm {EvaluationYear}",
                conferred.Count(c => c.Code == "LDTT" && c.CurrentUnitId is { } u1 && ids.Contains(u1)),
                conferred.Count(c => c.Code == "CSTDCS" && c.CurrentUnitId is { } u2 && ids.Contains(u2))));
        }
        proposals.Add(new UnitProposals("*", $"{UnitName} — nếu đề nghị mọi người đủ điều kiện", EligibleCounts["LDTT"], EligibleCounts["CSTDCS"]));
        Quotas = QuotaCheck.Check(RuleSet, proposals);
        return null;
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        var sheet = Rows.SelectMany(r => r.Results.Where(x => Code is null || x.Code == Code).Select(x => new Dictionary<string, object?>
        {
            ["Mã cá nhân"] = r.PersonalCode,
            ["Họ và tên"] = r.FullName,
            ["Đơn vị"] = r.Unit,
            ["Danh hiệu, hình thức"] = EligibilityCodes.VietnameseName(x.Code),
            ["Mã"] = x.Code,
            ["Kết quả"] = x.Verdict switch { Eligibility.Verdict.Eligible => "Đủ điều kiện", Eligibility.Verdict.Deferred => "Hoãn xét", _ => "Chưa đủ điều kiện" },
            ["Lý do"] = string.Join("; ", x.Reasons),
            ["Căn cứ"] = string.Join("; ", x.Basis),
        })).ToList();
        var quotas = Quotas.Select(q => new Dictionary<string, object?>
        {
            ["Đơn vị"] = q.UnitName, ["Tỷ lệ"] = q.Quota, ["Số lượng"] = q.Count, ["Trên"] = q.Base,
            ["Mức tối đa (%)"] = q.MaxPercent, ["Tối đa (người)"] = q.MaxAllowed, ["Đạt"] = q.WithinLimit ? "Trong mức" : "Vượt mức",
            ["Căn cứ"] = string.Join("; ", q.Basis),
        }).ToList();
        using var ms = new MemoryStream();
        ms.SaveAs(new Dictionary<string, object> { ["Xét điều kiện"] = sheet, ["Tỷ lệ"] = quotas }, excelType: ExcelType.XLSX);
        return File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"xet-dieu-kien-{EvaluationYear}.xlsx");
    }
}
