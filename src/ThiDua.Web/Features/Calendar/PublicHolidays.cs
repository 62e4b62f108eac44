namespace ThiDua.Features.Calendar;

/// <summary>
/// The public holidays of Bộ luật Lao động 2019 Điều 112 khoản 1. SKELETON: solar holidays only; the lunar ones
/// (Tết, Giỗ Tổ Hùng Vương) are computed by the calendar feature.
/// </summary>
public static class PublicHolidays
{
    public static bool IsHoliday(DateOnly d) =>
        (d.Month, d.Day) is (1, 1) or (4, 30) or (5, 1) or (9, 2);
}
