using System.Diagnostics;
using System.Globalization;
using ThiDua.Features.Calendar;

namespace ThiDua.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Dates(IEnumerable<Holiday> hs) => string.Join(" ", hs.Select(h => h.Date.ToString("dd/MM", CultureInfo.InvariantCulture) + (h.Substitute ? "*" : "")));

    [Fact]
    public void Holidays_2025_DefaultPlacementWithSubstituteDay()
    {
        // Tết 29/01/2025 (Wed): 28/01 (29 tháng Chạp) to 01/02 (mùng 4); 01/02 is a Saturday → Monday 03/02 off instead.
        // Giỗ Tổ 10/3 âm lịch = Monday 07/04; Quốc khánh 02/09 (Tue) and the day before, 01/09.
        Assert.Equal("01/01 28/01 29/01 30/01 31/01 01/02 03/02* 07/04 30/04 01/05 01/09 02/09", Dates(PublicHolidays.Of(2025)));
    }

    [Fact]
    public void Holidays_2026_GioToOnSundayGivesMonday()
    {
        // Tết 17/02/2026 (Tue): 16/02–20/02, all weekdays. Giỗ Tổ = Sunday 26/04 → Monday 27/04 off instead.
        Assert.Equal("01/01 16/02 17/02 18/02 19/02 20/02 26/04 27/04* 30/04 01/05 01/09 02/09", Dates(PublicHolidays.Of(2026)));
        Assert.All(PublicHolidays.Of(2026), h => Assert.StartsWith("Bộ luật Lao động 2019", h.Basis, StringComparison.Ordinal));
    }

    [Fact]
    public void Holidays_2023_TwoWeekendHolidaysGetDistinctSubstitutes()
    {
        // 2023: Giỗ Tổ Saturday 29/04, 30/04 Sunday, 01/05 Monday → substitutes Tuesday 02/05 and Wednesday 03/05.
        var may = PublicHolidays.Of(2023).Where(h => h.Date.Month is 4 or 5);
        Assert.Equal("29/04 30/04 01/05 02/05* 03/05*", Dates(may));
    }

    [Fact]
    public void AddWorkingDays_AcrossTet2025WithAnnouncedSchedule_SkipsTheNineDaysOff()
    {
        var cal = new WorkingCalendar(CalendarDemo.Announced2025To2026());
        // From Monday 20/01/2025: 21, 22, 23, 24 (4 days); 25/01–02/02 off (Công văn 8726/VPCP-KGVX: Sat 25, Sun 26,
        // Mon 27 announced off, 28/01–01/02 Tết, Sun 02/02); Monday 03/02 is worked (the announced schedule wins over
        // the computed substitute day) = day 5; 04, 05, 06, 07 = days 6–9; Monday 10/02 = day 10.
        Assert.Equal(D("03/02/2025"), cal.AddWorkingDays(D("20/01/2025"), 5));
        Assert.Equal(D("10/02/2025"), cal.AddWorkingDays(D("20/01/2025"), 10));
        for (var d = D("25/01/2025"); d <= D("02/02/2025"); d = d.AddDays(1)) Assert.False(cal.IsWorkingDay(d), d.ToString());
        Assert.True(cal.IsWorkingDay(D("03/02/2025")));
        Assert.Equal(5, cal.WorkingDaysBetween(D("20/01/2025"), D("03/02/2025")));
    }

    [Fact]
    public void AddWorkingDays_AcrossTet2025WithoutAnnouncement_UsesDefaults()
    {
        var cal = new WorkingCalendar([]);
        // Defaults: 27/01 (Mon) is worked, 28/01–01/02 Tết, 03/02 substitute for Saturday 01/02: 21, 22, 23, 24, 27 = 5 days.
        Assert.Equal(D("27/01/2025"), cal.AddWorkingDays(D("20/01/2025"), 5));
        // then 04/02 = 6 … 07/02 = 9, 10/02 = 10.
        Assert.Equal(D("10/02/2025"), cal.AddWorkingDays(D("20/01/2025"), 10));
        Assert.False(cal.IsWorkingDay(D("03/02/2025")));
    }

    [Fact]
    public void AddWorkingDays_AcrossTet2026WithAnnouncedSchedule_ResumesMonday23()
    {
        var cal = new WorkingCalendar(CalendarDemo.Announced2025To2026());
        // Friday 13/02/2026, then off 14/02–22/02 (Công văn 9859/VPCP-KGVX): 23/02 = 1, 24/02 = 2, 25/02 = 3.
        Assert.Equal(D("25/02/2026"), cal.AddWorkingDays(D("13/02/2026"), 3));
        for (var d = D("14/02/2026"); d <= D("22/02/2026"); d = d.AddDays(1)) Assert.False(cal.IsWorkingDay(d), d.ToString());
    }

    [Fact]
    public void IsWorkingDay_2026MakeUpSaturdays_Worked()
    {
        var cal = new WorkingCalendar(CalendarDemo.Announced2025To2026());
        Assert.False(cal.IsWorkingDay(D("02/01/2026")));   // Friday, announced off
        Assert.True(cal.IsWorkingDay(D("10/01/2026")));    // Saturday worked instead
        Assert.True(cal.IsWorkingDay(D("22/08/2026")));    // Saturday worked instead of Monday 31/08
        Assert.False(cal.IsWorkingDay(D("31/08/2026")));
        Assert.False(cal.IsWorkingDay(D("01/09/2026")));
        Assert.False(cal.IsWorkingDay(D("02/09/2026")));
        Assert.True(cal.IsWorkingDay(D("03/09/2026")));
        Assert.False(cal.IsWorkingDay(D("27/04/2026")));   // substitute for Giỗ Tổ on Sunday 26/04
    }

    [Fact]
    public void AddWorkingDays_TenYearsOut_IsFast()
    {
        var cal = new WorkingCalendar(CalendarDemo.Announced2025To2026());
        cal.AddWorkingDays(D("01/01/2030"), 10); // warm up
        var sw = Stopwatch.StartNew();
        var end = cal.AddWorkingDays(D("01/01/2025"), 3660);
        sw.Stop();
        Assert.True(end.Year is 2039 or 2040, end.ToString());
        Assert.True(sw.ElapsedMilliseconds < 1000, $"{sw.ElapsedMilliseconds} ms");
        Assert.Equal(3660, cal.WorkingDaysBetween(D("01/01/2025"), end));
    }
}
