using Microsoft.EntityFrameworkCore;
using ThiDua.Data;

namespace ThiDua.Features.Calendar;

/// <summary>
/// Working days (ngày làm việc) for deadlines: Monday–Friday, less the public holidays of Bộ luật Lao động 2019
/// Điều 112 (solar and lunar), less the announced days off, plus the announced make-up working days.
/// Pure once loaded: <see cref="LoadAsync"/> reads the announced days, the rest is computed.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarDayKind> _announced;

    public WorkingCalendar(IEnumerable<CalendarDay> announced) =>
        _announced = announced.ToDictionary(d => d.Date, d => d.Kind);

    public static async Task<WorkingCalendar> LoadAsync(AppDbContext db, CancellationToken ct = default) =>
        new(await db.CalendarDays.AsNoTracking().ToListAsync(ct));

    public bool IsWorkingDay(DateOnly d)
    {
        if (_announced.TryGetValue(d, out var k)) return k == CalendarDayKind.WorkingDay;
        if (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return false;
        return !PublicHolidays.IsHoliday(d);
    }

    /// <summary>The date <paramref name="days"/> working days after <paramref name="start"/> (start itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 3660);
        var d = start;
        while (days > 0)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d)) days--;
        }
        return d;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to ≤ from).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1)) if (IsWorkingDay(d)) n++;
        return n;
    }
}
