using System.Globalization;
using ThiDua.Features.Calendar;

namespace ThiDua.Tests.Calendar;

public sealed class LunarCalendarTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2019, "05/02/2019")]
    [InlineData(2020, "25/01/2020")]
    [InlineData(2021, "12/02/2021")]
    [InlineData(2022, "01/02/2022")]
    [InlineData(2023, "22/01/2023")]
    [InlineData(2024, "10/02/2024")]
    [InlineData(2025, "29/01/2025")]
    [InlineData(2026, "17/02/2026")]
    [InlineData(2027, "06/02/2027")]
    [InlineData(2028, "26/01/2028")]
    [InlineData(2029, "13/02/2029")]
    public void Tet_OfficialYears_MatchesAnnouncedDate(int year, string expected)
    {
        Assert.Equal(D(expected), LunarCalendar.Tet(year));
        Assert.Equal(new LunarDate(year, 1, 1, false), LunarCalendar.ToLunar(D(expected)));
        Assert.Equal(new LunarDate(year - 1, 12, LunarCalendar.ToLunar(D(expected).AddDays(-1)).Day, false), LunarCalendar.ToLunar(D(expected).AddDays(-1)));
    }

    /// <summary>
    /// Years where the Vietnamese calendar (UTC+7) and the Chinese one (UTC+8, .NET's ChineseLunisolarCalendar)
    /// disagree. 1985: month 11 and the leap month fall differently around the 1984 winter solstice, so Tết is
    /// 21/01/1985 in Vietnam and a month later, 20/02/1985, in China. 2007: the new moon of 17/02/2007 falls at
    /// 16:14 UTC = 23:14 in Vietnam (still the 17th) and 00:14 on the 18th in China.
    /// 2030: the new moon falls at 16:08 UTC on 02/02/2030 (this algorithm; 16:07 in published tables) = 23:08 in
    /// Vietnam, 00:08 on 03/02 in China. The brief listed 03/02/2030 as Vietnam's Tết: that is China's date (checked
    /// below against .NET's Chinese calendar); computed for UTC+7 as the law of the Vietnamese calendar requires, Tết
    /// Canh Tuất is Saturday 02/02/2030. No Vietnamese schedule for 2030 is announced yet; an announced one would win.
    /// </summary>
    [Fact]
    public void Tet_YearsWhereChinaDiffers_UsesVietnamTime()
    {
        Assert.Equal(D("21/01/1985"), LunarCalendar.Tet(1985));
        Assert.Equal(D("17/02/2007"), LunarCalendar.Tet(2007));
        var china = new ChineseLunisolarCalendar();
        Assert.Equal(D("20/02/1985"), DateOnly.FromDateTime(china.ToDateTime(1985, 1, 1, 0, 0, 0, 0)));
        Assert.Equal(D("18/02/2007"), DateOnly.FromDateTime(china.ToDateTime(2007, 1, 1, 0, 0, 0, 0)));
        Assert.Equal(D("02/02/2030"), LunarCalendar.Tet(2030));
        Assert.Equal(D("03/02/2030"), DateOnly.FromDateTime(china.ToDateTime(2030, 1, 1, 0, 0, 0, 0)));
        // The UTC+8 computation of the same algorithm agrees with China's.
        Assert.Equal(D("20/02/1985"), LunarCalendar.ToSolar(new LunarDate(1985, 1, 1, false), 8.0));
        Assert.Equal(D("18/02/2007"), LunarCalendar.ToSolar(new LunarDate(2007, 1, 1, false), 8.0));
    }

    [Theory]
    [InlineData(2019, "14/04/2019")]
    [InlineData(2020, "02/04/2020")]
    [InlineData(2023, "29/04/2023")]
    [InlineData(2024, "18/04/2024")]
    [InlineData(2025, "07/04/2025")]
    [InlineData(2026, "26/04/2026")]
    public void HungKings_TenthOfThirdMonth_MatchesKnownDate(int year, string expected) =>
        Assert.Equal(D(expected), LunarCalendar.ToSolar(new LunarDate(year, 3, 10, false)));

    [Fact]
    public void LeapMonth_2020And2023And2025_KnownLeapMonths()
    {
        // 2020: tháng 4 nhuận (23/05/2020); 2023: tháng 2 nhuận (22/03/2023); 2025: tháng 6 nhuận (25/07/2025); 2024: none.
        Assert.Equal(4, LunarCalendar.LeapMonth(2020));
        Assert.Equal(2, LunarCalendar.LeapMonth(2023));
        Assert.Equal(6, LunarCalendar.LeapMonth(2025));
        Assert.Null(LunarCalendar.LeapMonth(2024));
        Assert.Equal(D("23/05/2020"), LunarCalendar.ToSolar(new LunarDate(2020, 4, 1, true)));
        Assert.Equal(D("22/03/2023"), LunarCalendar.ToSolar(new LunarDate(2023, 2, 1, true)));
        Assert.Equal(D("25/07/2025"), LunarCalendar.ToSolar(new LunarDate(2025, 6, 1, true)));
        Assert.Null(LunarCalendar.ToSolar(new LunarDate(2024, 5, 1, true)));
    }

    [Fact]
    public void RoundTrip_EveryDay2000To2100_SolarLunarSolarIsIdentity()
    {
        for (var d = new DateOnly(2000, 1, 1); d <= new DateOnly(2100, 12, 31); d = d.AddDays(1))
        {
            var l = LunarCalendar.ToLunar(d);
            Assert.True(l.Day is >= 1 and <= 30, d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            Assert.Equal(d, LunarCalendar.ToSolar(l));
        }
    }

    [Fact]
    public void ToSolar_ImpossibleDays_Null()
    {
        Assert.Null(LunarCalendar.ToSolar(new LunarDate(2025, 13, 1, false)));
        Assert.Null(LunarCalendar.ToSolar(new LunarDate(2025, 1, 31, false)));
    }
}
