using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace ThiDua.Features.Calendar;

/// <summary>A day off computed from the law: the holiday itself, or the working day given instead of one that fell on a weekend.</summary>
public sealed record Holiday(DateOnly Date, string Name, string Basis, bool Substitute);

/// <summary>
/// The public holidays (ngày nghỉ lễ, tết) of Bộ luật Lao động 2019 Điều 112 khoản 1, computed for a year, with the
/// day given instead of one that falls on the weekly day off (Điều 111 khoản 3). These are the defaults: the
/// schedule the Prime Minister announces each year (Điều 112 khoản 3, entered as <see cref="CalendarDay"/> rows)
/// always wins over them in <see cref="WorkingCalendar"/>.
/// </summary>
public static class PublicHolidays
{
    /// <summary>
    /// Default placement of the 5 Tết days (the Prime Minister decides it each year, Điều 112 khoản 3): this many
    /// days before day 1 of month 1 (the last day of the old lunar year), the rest from day 1 on (days 1–4).
    /// </summary>
    public const int TetDaysBeforeNewYear = 1;
    public const int TetDays = 5;

    /// <summary>
    /// Default second day of Quốc khánh (2/9 "và 01 ngày liền kề trước hoặc sau", the Prime Minister decides):
    /// -1 = 1/9, the day before (chosen by the schedules of 2022, 2023, 2025 and 2026), +1 = 3/9 (2024).
    /// </summary>
    public const int NationalDayExtraOffset = -1;

    public const string Basis = "Bộ luật Lao động 2019, Điều 112 khoản 1";
    public const string SubstituteBasis = "Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù khi ngày lễ trùng ngày nghỉ hằng tuần)";

    private static readonly ConcurrentDictionary<int, YearHolidays> Cache = new();

    private sealed record YearHolidays(IReadOnlyList<Holiday> List, FrozenSet<DateOnly> Dates);

    /// <summary>The holidays of Gregorian <paramref name="year"/> (1901–2198) in date order, substitute days included.</summary>
    public static IReadOnlyList<Holiday> Of(int year) => ForYear(year).List;

    public static bool IsHoliday(DateOnly d) => d.Year is > 1900 and < 2199 && ForYear(d.Year).Dates.Contains(d);

    private static YearHolidays ForYear(int year) => Cache.GetOrAdd(year, static y =>
    {
        var list = Compute(y);
        return new YearHolidays(list, list.Select(h => h.Date).ToFrozenSet());
    });

    private static bool Weekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static List<Holiday> Compute(int year)
    {
        var days = new List<Holiday>
        {
            new(new DateOnly(year, 1, 1), "Tết Dương lịch", Basis + " điểm a", false),
            new(new DateOnly(year, 4, 30), "Ngày Chiến thắng (30/4)", Basis + " điểm c", false),
            new(new DateOnly(year, 5, 1), "Ngày Quốc tế lao động (1/5)", Basis + " điểm d", false),
            new(new DateOnly(year, 9, 2), "Quốc khánh (2/9)", Basis + " điểm đ", false),
            new(new DateOnly(year, 9, 2).AddDays(NationalDayExtraOffset), "Quốc khánh (ngày liền kề 2/9, mặc định)", Basis + " điểm đ", false),
            new(LunarCalendar.ToSolar(new LunarDate(year, 3, 10, false))!.Value, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", Basis + " điểm e", false),
        };
        var tet = LunarCalendar.Tet(year);
        for (var i = 0; i < TetDays; i++)
        {
            var d = tet.AddDays(i - TetDaysBeforeNewYear);
            var lunar = LunarCalendar.ToLunar(d);
            var name = lunar.Month == 1 ? $"Tết Âm lịch (mùng {lunar.Day} tháng Giêng)" : $"Tết Âm lịch (ngày {lunar.Day} tháng Chạp)";
            days.Add(new(d, name, Basis + " điểm b (vị trí 5 ngày mặc định)", false));
        }
        days.RemoveAll(h => h.Date.Year != year);
        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        // A holiday on Saturday or Sunday gives the next working day off (the next weekday that is no holiday and
        // not already given for another one), in date order.
        var taken = days.Select(h => h.Date).ToHashSet();
        var result = new List<Holiday>(days);
        foreach (var h in days.Where(h => Weekend(h.Date)))
        {
            var d = h.Date.AddDays(1);
            while (Weekend(d) || taken.Contains(d)) d = d.AddDays(1);
            taken.Add(d);
            result.Add(new(d, $"Nghỉ bù {h.Name} ({h.Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)} trùng ngày nghỉ hằng tuần)", SubstituteBasis, true));
        }
        result.Sort((a, b) => a.Date.CompareTo(b.Date));
        return result;
    }
}
