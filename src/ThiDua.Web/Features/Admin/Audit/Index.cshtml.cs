using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Admin.Audit;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 100;
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? Who { get; set; }
    [BindProperty(SupportsGet = true)] public string? ActionName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    /// <summary>Dates as typed (dd/mm/yyyy or yyyy-mm-dd), Vietnam days.</summary>
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public List<string> Problems { get; } = [];
    public List<(string Value, string Text)> Actions { get; private set; } = [];
    public IEnumerable<(string Code, string Name)> Types => EntityNames.Select(kv => (kv.Key, new Lang().English ? kv.Value.En : kv.Value.Vi)).OrderBy(t => t.Item2, StringComparer.Ordinal);
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    /// <summary>One audit entry as the page shows it: the entity type by its name in the reader's language.</summary>
    public sealed record Row(DateTime AtUtc, string UserName, string Action, string EntityType, string EntityId, string? EntityCode, string? Details);
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    /// <summary>
    /// Stored entity types are culture-invariant machine names (the C# type, "Import"); the page names them
    /// in Vietnamese (or English when the shell is switched). An unknown type is shown as stored.
    /// </summary>
    private static readonly Dictionary<string, (string Vi, string En)> EntityNames = new(StringComparer.Ordinal)
    {
        ["Unit"] = ("Đơn vị", "Unit"),
        ["Person"] = ("Cán bộ", "Person"),
        ["RuleSet"] = ("Bộ quy tắc", "Rule set"),
        ["EmulationBloc"] = ("Khối thi đua", "Emulation bloc"),
        ["AwardRecord"] = ("Khen thưởng", "Award"),
        ["AppUser"] = ("Tài khoản", "Account"),
        ["Import"] = ("Nhập tệp", "Import"),
        ["UnitReviewPeriod"] = ("Thanh tra, kiểm tra", "Review period"),
        ["UnitYearRecord"] = ("Kết quả tập thể", "Collective result"),
        ["YearRating"] = ("Xếp loại", "Rating"),
        ["DisciplineRecord"] = ("Kỷ luật", "Discipline"),
        ["Initiative"] = ("Sáng kiến", "Initiative"),
        ["Export"] = ("Xuất dữ liệu", "Export"),
        ["LoginThrottle"] = ("Địa chỉ đăng nhập", "Sign-in address"),
    };

    /// <summary>Actions written before they were all Vietnamese ("Xóa award"), shown as they are written now.</summary>
    private static readonly Dictionary<string, string> OldActions = new(StringComparer.Ordinal)
    {
        ["Xóa award"] = "Xóa khen thưởng",
        ["Xóa rating"] = "Xóa xếp loại",
        ["Xóa discipline"] = "Xóa kỷ luật",
        ["Xóa initiative"] = "Xóa sáng kiến",
    };

    public static string EntityTypeName(string entityType, bool english = false) =>
        EntityNames.TryGetValue(entityType, out var n) ? (english ? n.En : n.Vi) : entityType;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking();
        var entity = Bounded(Entity, "Đối tượng");
        if (entity is not null) q = q.Where(a => a.EntityId == entity || a.EntityCode == entity);
        var user = Bounded(Who, "Người dùng");
        if (user is not null) q = q.Where(a => a.UserName.Contains(user));
        var action = Bounded(ActionName, "Thao tác");
        if (action is not null)
        {
            // Older entries wrote some actions in English ("Xóa award"): a filter by today's name finds both.
            var stored = OldActions.Where(kv => kv.Value == action).Select(kv => kv.Key).Append(action).ToList();
            q = q.Where(a => stored.Contains(a.Action));
        }
        var type = Bounded(Type, "Loại đối tượng");
        if (type is not null) q = q.Where(a => a.EntityType == type);
        // Days are Vietnam's: a day runs from 17:00 UTC the day before.
        if (ParseDay(From, "Từ ngày") is { } from) { var f = VietnamClock.StartUtc(from); q = q.Where(a => a.AtUtc >= f); }
        if (ParseDay(To, "Đến ngày") is { } to) { var t = VietnamClock.StartUtc(to.AddDays(1)); q = q.Where(a => a.AtUtc < t); }
        Actions = (await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).Take(200).ToListAsync(ct))
            .Select(a => OldActions.GetValueOrDefault(a, a)).Distinct().Order(StringComparer.Ordinal).Select(a => (a, a)).ToList();
        Total = await q.CountAsync(ct);
        PageNumber = PagerModel.Bound(ModelState, PageNumber, Total, PageSize, "nhật ký", out var pageProblem);
        if (pageProblem is not null) Problems.Add(pageProblem);
        var english = new Lang().English;
        Rows = (await q.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct))
            .Select(a => new Row(a.AtUtc, a.UserName, OldActions.GetValueOrDefault(a.Action, a.Action), EntityTypeName(a.EntityType, english), a.EntityId, a.EntityCode, a.Details))
            .ToList();
    }

    private string? Bounded(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        if (v.Length <= 256) return v;
        Problems.Add($"{field}: tối đa 256 ký tự; bộ lọc này được bỏ qua.");
        return null;
    }

    private DateOnly? ParseDay(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        if (VnFormat.TryParseDate(v, out var d) && d.Year is >= 2000 and <= 2200)
            return d;
        Problems.Add($"{field}: \"{(v.Length > 20 ? v[..20] + "…" : v)}\" không phải ngày dạng dd/mm/yyyy; bộ lọc này được bỏ qua.");
        return null;
    }

    public string PageUrl(int page) => Url.Page("Index", new { Entity, user = Who, ActionName, Type, From, To, p = page })!;
}
