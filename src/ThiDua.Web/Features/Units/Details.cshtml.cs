using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Units;

public sealed class DetailsModel(AppDbContext db, UnitScopeService scopes, TimeProvider clock) : PageModel
{
    public sealed record Child(int Id, string Name, string Code, UnitKind Kind, bool Active);
    public sealed record AwardRow(int Year, string Name, string Authority, string? DecisionNumber, AwardStatus Status, string? Note, int? PeriodTo, Eligibility.AwardBasis Basis);
    public sealed record ReviewRow(int Id, DateOnly From, DateOnly? To, string Reason, string? DecisionNumber, bool OpenToday);

    /// <summary>A period of inspection, investigation or complaint about the collective (thanh tra, kiểm tra, khiếu nại).</summary>
    public sealed class ReviewInput
    {
        [Display(Name = "Từ ngày"), Required(ErrorMessage = "Hãy nhập ngày bắt đầu thanh tra, kiểm tra.")] public DateOnly? From { get; set; }
        [Display(Name = "Đến ngày")] public DateOnly? To { get; set; }
        [Display(Name = "Lý do"), Required(ErrorMessage = "Hãy nhập lý do (nội dung thanh tra, kiểm tra, khiếu nại)."), StringLength(1000, ErrorMessage = "Lý do tối đa 1.000 ký tự.")] public string? Reason { get; set; }
        [Display(Name = "Số quyết định"), StringLength(100, ErrorMessage = "Số quyết định tối đa 100 ký tự.")] public string? DecisionNumber { get; set; }
    }

    /// <summary>The earliest date a review period may start: the state's records begin in 1945.</summary>
    public static readonly DateOnly FirstReviewDate = new(1945, 1, 1);

    /// <summary>
    /// Checks a review period's dates: it starts between 01/01/1945 and today (Vietnam time), and an end date is
    /// not before the start nor after today — a review that has not ended has no end date. Null when they are fine.
    /// </summary>
    public static (string? From, string? To) CheckReviewDates(DateOnly? from, DateOnly? to, DateOnly today, string toLabel = "Đến ngày")
    {
        string? fromProblem = from is { } f && (f < FirstReviewDate || f > today)
            ? $"\"Từ ngày\" phải từ {VnFormat.Date(FirstReviewDate)} đến hôm nay ({VnFormat.Date(today)}); đang là {VnFormat.Date(f)}."
            : null;
        string? toProblem = to switch
        {
            { } t when t > today => $"\"{toLabel}\" không được sau hôm nay ({VnFormat.Date(today)}); đang là {VnFormat.Date(t)}. Thanh tra, kiểm tra chưa kết thúc thì để trống ngày kết thúc.",
            { } t when from is { } s && t < s => $"\"{toLabel}\" ({VnFormat.Date(t)}) trước ngày bắt đầu ({VnFormat.Date(s)}): ngày kết thúc thanh tra, kiểm tra phải từ ngày bắt đầu trở đi.",
            _ => null,
        };
        return (fromProblem, toProblem);
    }

    public Unit Unit { get; private set; } = null!;
    public string? ParentName { get; private set; }
    /// <summary>The agency a department or sub-unit belongs to: "Văn phòng" exists in every agency.</summary>
    public (int Id, string Name)? Agency { get; private set; }
    public List<Child> Children { get; private set; } = [];
    public List<AwardRow> Awards { get; private set; } = [];
    public int Staff { get; private set; }
    public List<UnitYearRecord> YearRecords { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool Active { get; private set; }
    public List<ReviewRow> Reviews { get; private set; } = [];
    /// <summary>A review period is open on today's date (Vietnam time): the collective's verdicts are deferred.</summary>
    public bool UnderReview => Reviews.Any(r => r.OpenToday);
    /// <summary>The add-review form as typed, when a post is refused.</summary>
    public ReviewInput ReviewPosted { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    private DateOnly VietnamToday => clock.VietnamToday();

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return NotFound();
        var scope = await scopes.GetAsync(User, ct);
        if (!scope.CanSeeUnit(id)) return Forbid();
        Unit = unit;
        CanEdit = scope.CanEditUnit(id);
        var today = VietnamToday;
        Active = unit.IsActive(today);
        ParentName = await db.Units.Where(u => u.Id == unit.ParentId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        Children = (await db.Units.AsNoTracking().Where(u => u.ParentId == id).OrderBy(u => u.SortKey).ToListAsync(ct))
            .Select(u => new Child(u.Id, u.Name, u.Code, u.Kind, u.IsActive(today))).ToList();
        var tree = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Name }).ToListAsync(ct);
        var sub = UnitScopeService.Subtree(id, tree.Select(u => (u.Id, u.ParentId))).ToList();
        var root = UnitTree.RootOf(id, tree.ToDictionary(u => u.Id, u => u.ParentId));
        Agency = root == id ? null : (root, tree.First(u => u.Id == root).Name);
        Staff = await db.People.CountAsync(p => p.IsActive && p.CurrentUnitId != null && sub.Contains(p.CurrentUnitId.Value), ct);
        YearRecords = await db.UnitYearRecords.AsNoTracking().Where(r => r.UnitId == id).OrderByDescending(r => r.Year).ToListAsync(ct);
        Awards = await db.Awards.AsNoTracking().Where(a => a.UnitId == id).OrderByDescending(a => a.Year)
            .Select(a => new AwardRow(a.Year, a.Code, a.Authority, a.DecisionNumber, a.Status, a.Note, a.PeriodTo, a.Basis)).ToListAsync(ct);
        Reviews = (await db.UnitReviews.AsNoTracking().Where(r => r.UnitId == id).OrderByDescending(r => r.From).ToListAsync(ct))
            .Select(r => new ReviewRow(r.Id, r.From, r.To, r.Reason, r.DecisionNumber, r.IsOpenOn(today))).ToList();
        return null;
    }

    private async Task<(Unit? Unit, IActionResult? Denied)> EditableAsync(int id, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return (null, NotFound());
        var scope = await scopes.GetAsync(User, ct);
        if (!scope.CanEditUnit(id)) return (null, Forbid());
        return (unit, null);
    }

    /// <summary>Records a period of inspection, investigation or complaint; while it is open the collective's verdicts are deferred.</summary>
    public async Task<IActionResult> OnPostReviewAsync(int id, [Bind(Prefix = "review")] ReviewInput input, CancellationToken ct)
    {
        var (unit, denied) = await EditableAsync(id, ct);
        if (denied is not null) return denied;
        var (fromProblem, toProblem) = CheckReviewDates(input.From, input.To, VietnamToday);
        if (fromProblem is not null) ModelState.AddModelError("review.From", fromProblem);
        if (toProblem is not null) ModelState.AddModelError("review.To", toProblem);
        if (!ModelState.IsValid)
        {
            ReviewPosted = input;
            return await LoadAsync(id, ct) ?? Page();
        }
        var review = new UnitReviewPeriod
        {
            UnitId = id, From = input.From!.Value, To = input.To, Reason = input.Reason!.Trim(),
            DecisionNumber = string.IsNullOrWhiteSpace(input.DecisionNumber) ? null : input.DecisionNumber.Trim(),
        };
        db.UnitReviews.Add(review);
        db.Audit(User.UserName(), "Thêm thời gian thanh tra, kiểm tra", nameof(Unit), unit!.Id, $"trước: — → sau: {review.AuditText()}", code: unit.Code);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã ghi thời gian thanh tra, kiểm tra.";
        return RedirectToPage("Details", new { id });
    }

    /// <summary>Ends an open review period on the date its conclusion was issued.</summary>
    public async Task<IActionResult> OnPostCloseReviewAsync(int id, int reviewId, [Display(Name = "Ngày kết thúc")] DateOnly? to, CancellationToken ct)
    {
        var (unit, denied) = await EditableAsync(id, ct);
        if (denied is not null) return denied;
        var review = await db.UnitReviews.FirstOrDefaultAsync(r => r.Id == reviewId && r.UnitId == id, ct);
        if (review is null) return NotFound();
        var bindingError = ModelState.TryGetValue(nameof(to), out var entry) ? entry.Errors.Select(e => e.ErrorMessage).FirstOrDefault(m => !string.IsNullOrEmpty(m)) : null;
        string? problem = review.To is not null ? "Thời gian thanh tra, kiểm tra này đã kết thúc."
            : bindingError is not null ? bindingError
            : to is null ? "Hãy nhập ngày kết thúc thanh tra, kiểm tra."
            : CheckReviewDates(review.From, to, VietnamToday, "Ngày kết thúc").To;
        if (problem is not null)
        {
            TempData["Message"] = problem;
            return RedirectToPage("Details", new { id });
        }
        var before = review.AuditText();
        review.To = to;
        db.Audit(User.UserName(), "Kết thúc thời gian thanh tra, kiểm tra", nameof(Unit), unit!.Id, $"#{reviewId}; trước: {before} → sau: {review.AuditText()}", code: unit.Code);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã ghi ngày kết thúc thanh tra, kiểm tra: {VnFormat.Date(to)}.";
        return RedirectToPage("Details", new { id });
    }

    /// <summary>Records the collective's rating and unity for a year (replacing that year's record).</summary>
    public async Task<IActionResult> OnPostYearRecordAsync(int id, int? year, Eligibility.Rating? rating, bool united, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return NotFound();
        var scope = await scopes.GetAsync(User, ct);
        if (!scope.CanEditUnit(id)) return Forbid();
        if (year is not (>= 1975 and <= 2100) || rating is null or Eligibility.Rating.None)
        {
            TempData["Message"] = "Hãy nhập năm (1975–2100) và chọn mức xếp loại của tập thể.";
            return RedirectToPage("Details", new { id });
        }
        var record = await db.UnitYearRecords.FirstOrDefaultAsync(r => r.UnitId == id && r.Year == year, ct);
        static string Text(UnitYearRecord r) => $"{Eligibility.EligibilityCodes.RatingName(r.Rating)}, nội bộ đoàn kết: {(r.United ? "có" : "không")}";
        var before = record is null ? "—" : Text(record);
        if (record is null) db.UnitYearRecords.Add(record = new UnitYearRecord { UnitId = id, Year = year.Value });
        record.Rating = rating.Value;
        record.United = united;
        db.Audit(User.UserName(), "Ghi xếp loại tập thể", nameof(Unit), unit.Id, $"năm {year}: trước: {before} → sau: {Text(record)}", code: unit.Code);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã ghi kết quả tập thể năm {year}.";
        return RedirectToPage("Details", new { id });
    }

    /// <summary>Brings a stopped unit back. Stopping one is asked for on its own page (Deactivate), since it hides the unit from every picker.</summary>
    public async Task<IActionResult> OnPostReactivateAsync(int id, int version, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return NotFound();
        var scope = await scopes.GetAsync(User, ct);
        if (!scope.CanEditUnit(id)) return Forbid();
        if (unit.ActiveTo is null)
        {
            TempData["Message"] = "Đơn vị đang hoạt động.";
            return RedirectToPage("Details", new { id });
        }
        db.Entry(unit).Property(u => u.Version).OriginalValue = version;
        var before = ActiveText(unit);
        unit.ActiveTo = null;
        db.Audit(User.UserName(), "Hoạt động lại đơn vị", nameof(Unit), unit.Id, $"{unit.Name}: trước: {before} → sau: {ActiveText(unit)}", code: unit.Code);
        try
        {
            await db.SaveChangesAsync(ct);
            TempData["Message"] = "Đơn vị hoạt động trở lại.";
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Message"] = "Đơn vị vừa được người khác sửa; không có thay đổi nào được lưu.";
        }
        return RedirectToPage("Details", new { id });
    }

    private static string ActiveText(Unit u) => $"hoạt động {VnFormat.Date(u.ActiveFrom)} – {(u.ActiveTo is null ? "nay" : VnFormat.Date(u.ActiveTo))}";
}
