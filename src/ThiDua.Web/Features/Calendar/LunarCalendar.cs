namespace ThiDua.Features.Calendar;

/// <summary>A day of the Vietnamese lunar calendar (âm lịch). <see cref="Leap"/> marks a leap month (tháng nhuận).</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool Leap)
{
    public override string ToString() => FormattableString.Invariant($"{Day:00}/{Month:00}{(Leap ? "N" : "")}/{Year}");
}

/// <summary>
/// The Vietnamese lunar calendar, computed for Vietnam's time zone (UTC+7) with Hồ Ngọc Đức's algorithm
/// ("Âm lịch Việt Nam"): new moons and the sun's longitude from Jean Meeus' "Astronomical Algorithms" formulas,
/// the month 11 as the one holding the winter solstice, a leap month as the first month with no major solar term.
/// Not System.Globalization.ChineseLunisolarCalendar, which counts in China's time (UTC+8) and so differs in some
/// years (Tết 1985: 21/01/1985 in Vietnam, 20/02/1985 in China; 2007: 17/02/2007 in Vietnam, 18/02/2007 in China).
/// Valid for the Gregorian years 1900–2199.
/// </summary>
public static class LunarCalendar
{
    public const double VietnamTimeZone = 7.0;
    private const double SynodicMonth = 29.530588853;
    private const double NewMoon1900 = 2415021.076998695;

    /// <summary>The Julian day number (JDN) of a Gregorian date: DateOnly's day number counts from 01/01/0001 = JDN 1721426.</summary>
    private static int Jd(DateOnly d) => d.DayNumber + 1721426;

    private static DateOnly FromJd(int jd) => DateOnly.FromDayNumber(jd - 1721426);

    /// <summary>The instant (Julian day, fractional, UT) of the k-th new moon after 1/1/1900 (Meeus, ch. 49 simplified).</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        var m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        var mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        var f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        var c1 = (0.1734 - 0.000393 * t) * Math.Sin(m * dr) + 0.0021 * Math.Sin(2 * dr * m);
        c1 = c1 - 0.4068 * Math.Sin(mpr * dr) + 0.0161 * Math.Sin(dr * 2 * mpr);
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * Math.Sin(dr * 2 * f) - 0.0051 * Math.Sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * Math.Sin(dr * (m - mpr)) + 0.0004 * Math.Sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * Math.Sin(dr * (2 * f - m)) - 0.0006 * Math.Sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.Sin(dr * (2 * f - mpr)) + 0.0005 * Math.Sin(dr * (2 * mpr + m));
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd1 + c1 - deltaT;
    }

    /// <summary>The sun's apparent longitude (radians, 0..2π) at Julian day <paramref name="jdn"/> (UT).</summary>
    private static double SunLongitude(double jdn)
    {
        var t = (jdn - 2451545.0) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        var l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(dr * m);
        dl = dl + (0.019993 - 0.000101 * t) * Math.Sin(dr * 2 * m) + 0.000290 * Math.Sin(dr * 3 * m);
        var l = (l0 + dl) * dr;
        return l - Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
    }

    /// <summary>The local day (JDN) on which the k-th new moon falls in time zone <paramref name="tz"/>.</summary>
    private static int NewMoonDay(int k, double tz) => (int)Math.Floor(NewMoon(k) + 0.5 + tz / 24);

    /// <summary>The sun's longitude at the start of local day <paramref name="dayNumber"/> in twelfths of the circle (0..11; 9 = winter solstice).</summary>
    private static int SunSector(int dayNumber, double tz) => (int)Math.Floor(SunLongitude(dayNumber - 0.5 - tz / 24) / Math.PI * 6);

    /// <summary>The first day (JDN) of the lunar month 11 that holds the winter solstice of Gregorian year <paramref name="year"/>.</summary>
    private static int LunarMonth11(int year, double tz)
    {
        var off = Jd(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(off / SynodicMonth);
        var nm = NewMoonDay(k, tz);
        return SunSector(nm, tz) >= 9 ? NewMoonDay(k - 1, tz) : nm;
    }

    /// <summary>In a lunar year of 13 months starting at month 11 = <paramref name="a11"/>, the offset of the leap month (the first month without a major solar term).</summary>
    private static int LeapMonthOffset(int a11, double tz)
    {
        var k = (int)Math.Floor((a11 - NewMoon1900) / SynodicMonth + 0.5);
        var i = 1;
        var arc = SunSector(NewMoonDay(k + i, tz), tz);
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunSector(NewMoonDay(k + i, tz), tz);
        } while (arc != last && i < 14);
        return i - 1;
    }

    public static LunarDate ToLunar(DateOnly date, double tz = VietnamTimeZone)
    {
        CheckRange(date.Year);
        var dayNumber = Jd(date);
        // The mean-month estimate of k drifts by a day or two far from 1900 (e.g. 07/05/2054, where the published
        // algorithm's two-step check leaves day 0): step to the new moon on or before the day.
        var k = (int)Math.Floor((dayNumber - NewMoon1900) / SynodicMonth) - 1;
        while (NewMoonDay(k + 1, tz) <= dayNumber) k++;
        while (NewMoonDay(k, tz) > dayNumber) k--;
        var monthStart = NewMoonDay(k, tz);
        var a11 = LunarMonth11(date.Year, tz);
        var b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = date.Year;
            a11 = LunarMonth11(date.Year - 1, tz);
        }
        else
        {
            lunarYear = date.Year + 1;
            b11 = LunarMonth11(date.Year + 1, tz);
        }
        var lunarDay = dayNumber - monthStart + 1;
        var diff = (int)Math.Floor((monthStart - a11) / 29.0);
        var leap = false;
        var lunarMonth = diff + 11;
        if (b11 - a11 > 365)
        {
            var leapDiff = LeapMonthOffset(a11, tz);
            if (diff >= leapDiff)
            {
                lunarMonth = diff + 10;
                leap = diff == leapDiff;
            }
        }
        if (lunarMonth > 12) lunarMonth -= 12;
        if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
        return new LunarDate(lunarYear, lunarMonth, lunarDay, leap);
    }

    /// <summary>The solar date of a lunar day, or null when it does not exist (a leap month the year lacks, day 30 of a short month).</summary>
    public static DateOnly? ToSolar(LunarDate lunar, double tz = VietnamTimeZone)
    {
        if (lunar.Month is < 1 or > 12 || lunar.Day is < 1 or > 30) return null;
        CheckRange(lunar.Year);
        int a11, b11;
        if (lunar.Month < 11)
        {
            a11 = LunarMonth11(lunar.Year - 1, tz);
            b11 = LunarMonth11(lunar.Year, tz);
        }
        else
        {
            a11 = LunarMonth11(lunar.Year, tz);
            b11 = LunarMonth11(lunar.Year + 1, tz);
        }
        var k = (int)Math.Floor(0.5 + (a11 - NewMoon1900) / SynodicMonth);
        var off = lunar.Month - 11;
        if (off < 0) off += 12;
        if (b11 - a11 > 365)
        {
            var leapOff = LeapMonthOffset(a11, tz);
            var leapMonth = leapOff - 2;
            if (leapMonth < 0) leapMonth += 12;
            if (lunar.Leap && lunar.Month != leapMonth) return null;
            if (lunar.Leap || off >= leapOff) off += 1;
        }
        else if (lunar.Leap) return null;
        var monthStart = NewMoonDay(k + off, tz);
        var date = FromJd(monthStart + lunar.Day - 1);
        // Day 30 of a 29-day month would be day 1 of the next.
        return lunar.Day == 30 && ToLunar(date, tz).Day != 30 ? null : date;
    }

    /// <summary>Tết Nguyên đán: day 1 of month 1 of the lunar year that begins in Gregorian <paramref name="year"/>.</summary>
    public static DateOnly Tet(int year) => ToSolar(new LunarDate(year, 1, 1, false))!.Value;

    /// <summary>The leap month of the lunar year (1–12), or null when it has none.</summary>
    public static int? LeapMonth(int lunarYear)
    {
        CheckRange(lunarYear);
        for (var d = Tet(lunarYear); d < Tet(lunarYear + 1); d = d.AddDays(27))
        {
            var l = ToLunar(d);
            if (l.Leap) return l.Month;
        }
        return null;
    }

    private static void CheckRange(int year)
    {
        if (year is < 1900 or > 2199) throw new ArgumentOutOfRangeException(nameof(year), year, "The lunar calendar is computed for 1900–2199.");
    }
}
