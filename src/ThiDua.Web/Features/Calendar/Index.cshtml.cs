using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Calendar;

/// <summary>
/// The working calendar of a year (administrators only, by the folder's policy): the holidays computed from the law,
/// the days the government announced (entered here), and a deadline check.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxDays = 3660;

    public sealed record AnnouncedRow(int Id, DateOnly Date, CalendarDayKind Kind, string Note);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>The deadline check: a start date (dd/mm/yyyy) and a number of working days.</summary>
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? Days { get; set; }

    [BindProperty] public string? NewDate { get; set; }
    [BindProperty] public string? NewKind { get; set; }
    [BindProperty] public string? NewNote { get; set; }

    public int ShownYear { get; private set; }
    public IReadOnlyList<Holiday> Holidays { get; private set; } = [];
    public List<AnnouncedRow> Announced { get; private set; } = [];
    public List<string> Problems { get; } = [];
    public List<string> AddProblems { get; } = [];
    public List<string> CheckProblems { get; } = [];
    public (DateOnly From, int Days, DateOnly Due)? CheckResult { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        await CheckDeadlineAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var date = default(DateOnly);
        if (string.IsNullOrWhiteSpace(NewDate)) AddProblems.Add("Ngày: hãy nhập ngày theo dạng dd/mm/yyyy.");
        else if (NewDate.Length > 20 || !VnFormat.TryParseDate(NewDate, out date)) AddProblems.Add("Ngày: không đọc được ngày; hãy nhập theo dạng dd/mm/yyyy, ví dụ 27/01/2025.");
        CalendarDayKind kind = default;
        if (!Enum.TryParse(NewKind, ignoreCase: false, out kind) || !Enum.IsDefined(kind) || int.TryParse(NewKind, out _))
            AddProblems.Add("Loại ngày: chỉ chọn \"Ngày nghỉ\" hoặc \"Ngày làm việc (làm bù)\".");
        if (AddProblems.Count == 0)
        {
            var (day, problems) = await new CalendarService(db).AddAsync(date, kind, NewNote ?? "", User.UserName(), ct);
            if (day is not null)
            {
                TempData["Message"] = $"Đã thêm {VnFormat.Date(day.Date)} ({CalendarService.KindName(day.Kind)}) vào lịch công bố.";
                return RedirectToPage("Index", new { year = day.Date.Year });
            }
            AddProblems.AddRange(problems);
        }
        else if (string.IsNullOrWhiteSpace(NewNote)) AddProblems.Add("Ghi chú: hãy ghi lý do và văn bản công bố.");
        if (date != default && CalendarService.InRange(date.Year) && Year is null) Year = date.Year;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var thisYear = clock.VietnamYear();
        if (ModelState.TryGetValue(nameof(Year), out var e) && e.Errors.Count > 0)
        {
            Problems.Add($"Năm: \"{Short(e.AttemptedValue)}\" không phải là một năm; năm phải từ {CalendarService.FirstYear} đến {CalendarService.LastYear}. Đang hiện năm {thisYear}.");
            ModelState.Remove(nameof(Year));
            Year = null;
        }
        else if (Year is { } y && !CalendarService.InRange(y))
        {
            Problems.Add($"Năm: {y} nằm ngoài khoảng {CalendarService.FirstYear}–{CalendarService.LastYear}. Đang hiện năm {thisYear}.");
            Year = null;
        }
        ShownYear = Year ?? Math.Clamp(thisYear, CalendarService.FirstYear, CalendarService.LastYear);
        Holidays = PublicHolidays.Of(ShownYear);
        var first = new DateOnly(ShownYear, 1, 1);
        var last = new DateOnly(ShownYear, 12, 31);
        Announced = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date)
            .Select(d => new AnnouncedRow(d.Id, d.Date, d.Kind, d.Note)).ToListAsync(ct);
    }

    private async Task CheckDeadlineAsync(CancellationToken ct)
    {
        if (From is null && Days is null) return;
        var from = default(DateOnly);
        if (string.IsNullOrWhiteSpace(From) || From.Length > 20 || !VnFormat.TryParseDate(From, out from))
            CheckProblems.Add("Ngày bắt đầu: hãy nhập ngày theo dạng dd/mm/yyyy.");
        else if (!CalendarService.InRange(from.Year))
            CheckProblems.Add($"Ngày bắt đầu: năm phải từ {CalendarService.FirstYear} đến {CalendarService.LastYear}.");
        if (!int.TryParse(Days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n is < 0 or > MaxDays)
            CheckProblems.Add($"Số ngày làm việc: hãy nhập một số nguyên từ 0 đến {VnFormat.Number(MaxDays)}.");
        if (CheckProblems.Count > 0) return;
        var cal = await WorkingCalendar.LoadAsync(db, ct);
        CheckResult = (from, n, cal.AddWorkingDays(from, n));
    }

    private static string Short(string? s) => s is null ? "" : s.Length > 20 ? s[..20] + "…" : s;
}
