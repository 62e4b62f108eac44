using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Models;

/// <summary>The register of exemplary models, filtered by stage, kind, agency and year; every agency's for the bloc secretariat, one's own for anyone else.</summary>
public sealed class IndexModel(AppDbContext db, UnitScopeService scopes) : PageModel
{
    public const int MaxRows = 500;
    public sealed record Row(int Id, ModelKind Kind, string Name, string? Title, string Agency, int Year, ModelStage Stage, bool OnPortal);
    public sealed record AgencyOption(int Id, string Name);

    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }

    public ModelStage? StageValue { get; private set; }
    public ModelKind? KindValue { get; private set; }
    public int? AgencyValue { get; private set; }
    public int? YearValue { get; private set; }
    public List<string> Problems { get; } = [];
    public List<AgencyOption> Agencies { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public bool AllAgencies { get; private set; }
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await ModelActor.ForAsync(User, scopes, ct);
        AllAgencies = actor.AllAgencies;
        CanCreate = actor.Manages;
        if (!string.IsNullOrWhiteSpace(Stage))
        {
            if (Enum.TryParse<ModelStage>(Stage, ignoreCase: false, out var s) && Enum.IsDefined(s) && !char.IsDigit(Stage[0])) StageValue = s;
            else Problems.Add("Giai đoạn: giá trị không hợp lệ; đang hiển thị mọi giai đoạn.");
        }
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            if (Enum.TryParse<ModelKind>(Kind, ignoreCase: false, out var k) && Enum.IsDefined(k) && !char.IsDigit(Kind[0])) KindValue = k;
            else Problems.Add("Loại: giá trị không hợp lệ; đang hiển thị mọi loại.");
        }
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= ModelRules.FirstYear and <= ModelRules.LastYear) YearValue = y;
            else Problems.Add($"Năm phải từ {ModelRules.FirstYear} đến {ModelRules.LastYear}; đang hiển thị mọi năm.");
        }
        Agencies = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Agency && (actor.AllAgencies || u.Id == actor.AgencyId))
            .OrderBy(u => u.SortKey).Select(u => new AgencyOption(u.Id, u.Name)).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(Agency))
        {
            if (int.TryParse(Agency, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && Agencies.Any(o => o.Id == a)) AgencyValue = a;
            else Problems.Add("Cơ quan: hãy chọn một cơ quan trong danh sách; đang hiển thị mọi cơ quan bạn được xem.");
        }
        var q = actor.Visible(db).AsNoTracking();
        if (StageValue is { } st) q = q.Where(m => m.Stage == st);
        if (KindValue is { } kd) q = q.Where(m => m.Kind == kd);
        if (AgencyValue is { } ag) q = q.Where(m => m.AgencyId == ag);
        if (YearValue is { } yr) q = q.Where(m => m.Year == yr);
        var rows = await q.OrderByDescending(m => m.Year).ThenBy(m => m.Id).Take(MaxRows)
            .Select(m => new
            {
                m.Id, m.Kind, m.Title, m.Year, m.Stage, m.OnPortal, Agency = m.Agency!.Name,
                Unit = m.Unit == null ? null : m.Unit.Name,
                Family = m.Person == null ? null : m.Person.FamilyName, Middle = m.Person == null ? null : m.Person.MiddleName, Given = m.Person == null ? null : m.Person.GivenName,
            }).ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.Id, r.Kind, NameOf(r.Kind, r.Title, r.Unit, r.Family, r.Middle, r.Given), r.Kind == ModelKind.Practice ? null : r.Title, r.Agency, r.Year, r.Stage, r.OnPortal)).ToList();
    }

    public static string NameOf(ModelKind kind, string? title, string? unit, string? family, string? middle, string? given) => kind switch
    {
        ModelKind.Person => VietnameseText.FullName(family ?? "", middle, given ?? ""),
        ModelKind.Collective => unit ?? "",
        _ => title ?? "",
    };
}
