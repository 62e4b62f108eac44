namespace ThiDua.Infrastructure;

/// <summary>
/// "Today" and "this year" are Vietnam's (UTC+7, no daylight saving), whatever the server's time zone: a review
/// that ends today, the default evaluation year and a birth date "in the future" all turn at midnight in Hà Nội,
/// not at 07:00. Every page reads them through these helpers over the injected <see cref="TimeProvider"/>, so tests
/// can move the clock.
/// </summary>
public static class VietnamClock
{
    public static DateTimeOffset VietnamNow(this TimeProvider clock) => clock.GetUtcNow().ToOffset(VnFormat.VietnamOffset);

    public static DateOnly VietnamToday(this TimeProvider clock) => DateOnly.FromDateTime(clock.VietnamNow().DateTime);

    public static int VietnamYear(this TimeProvider clock) => clock.VietnamNow().Year;

    /// <summary>The UTC instant at which <paramref name="day"/> begins in Vietnam (for filtering stored UTC times by day).</summary>
    public static DateTime StartUtc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - VnFormat.VietnamOffset;
}
