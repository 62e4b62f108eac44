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
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    /// <summary>One audit entry as the page shows it: the entity type by its name in the reader's language.</summary>
    public sealed record Row(DateTime AtUtc, string UserName, string Action, string EntityType, string EntityId, string? Details);
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
        if (!string.IsNullOrWhiteSpace(Entity)) q = q.Where(a => a.EntityId == Entity.Trim() || a.UserName == Entity.Trim());
        Total = await q.CountAsync(ct);
        PageNumber = PagerModel.Clamp(PageNumber);
        var english = new Lang().English;
        Rows = (await q.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct))
            .Select(a => new Row(a.AtUtc, a.UserName, OldActions.GetValueOrDefault(a.Action, a.Action), EntityTypeName(a.EntityType, english), a.EntityId, a.Details))
            .ToList();
    }

    public string PageUrl(int page) => Url.Page("Index", new { Entity, p = page })!;
}
