using System.Globalization;

namespace ThiDua.Infrastructure;

/// <summary>
/// Vietnamese display formats, written out here rather than taken from culture data, which differs
/// between ICU versions: "T5, 05/03/2020 - 14:03" and "5.500".
/// </summary>
public static class VnFormat
{
    // Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset needs no time-zone database.
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private static readonly string[] Weekdays = ["CN", "T2", "T3", "T4", "T5", "T6", "T7"];
    private static readonly string[] WeekdaysEn = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NumberGroupSizes = [3],
        PercentGroupSeparator = ".",
        PercentDecimalSeparator = ",",
        NegativeSign = "-",
    };

    public static string Weekday(DayOfWeek d) => Weekdays[(int)d];

    /// <summary>A UTC instant shown in Vietnam time: "T5, 05/03/2020 - 14:03".</summary>
    public static string DateTime(DateTime utc, bool english = false)
    {
        var local = ToVietnamTime(utc);
        var day = english ? WeekdaysEn[(int)local.DayOfWeek] : Weekdays[(int)local.DayOfWeek];
        return $"{day}, {local.ToString("dd/MM/yyyy - HH:mm", CultureInfo.InvariantCulture)}";
    }

    public static System.DateTime ToVietnamTime(DateTime utc) =>
        System.DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(VietnamOffset);

    public static string Date(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string DateWithWeekday(DateOnly d) => $"{Weekdays[(int)d.DayOfWeek]}, {Date(d)}";

    public static string Number(long n) => n.ToString("#,0", Numbers);

    public static string Number(decimal n, int decimals) => n.ToString("#,0." + new string('0', decimals), Numbers);

    public static string Percent(double share) => (share * 100).ToString("0.#", Numbers) + "%";

    /// <summary>Parses dd/MM/yyyy (as officers type it) or yyyy-MM-dd (as HTML date inputs send it).</summary>
    public static bool TryParseDate(string? s, out DateOnly date) =>
        DateOnly.TryParseExact(s?.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
