using ThiDua.Infrastructure;

namespace ThiDua.Tests.Infrastructure;

public sealed class VietnamClockTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }

    [Theory]
    [InlineData("2025-12-31T16:59:59Z", "2025-12-31", 2025)]
    [InlineData("2025-12-31T17:00:00Z", "2026-01-01", 2026)] // midnight in Hà Nội is 17:00 UTC
    public void Today_TurnsAtMidnightInVietnam(string utc, string today, int year)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), clock.VietnamToday());
        Assert.Equal(year, clock.VietnamYear());
    }

    [Fact]
    public void StartUtc_IsSeventeenHundredTheDayBefore() =>
        Assert.Equal(new DateTime(2026, 3, 4, 17, 0, 0, DateTimeKind.Utc), VietnamClock.StartUtc(new DateOnly(2026, 3, 5)));
}
