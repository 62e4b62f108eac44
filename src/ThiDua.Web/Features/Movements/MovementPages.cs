using System.Globalization;

namespace ThiDua.Features.Movements;

/// <summary>Request parameters the movement pages share, read by hand so hostile values get a Vietnamese message, never a 500.</summary>
public static class MovementPages
{
    /// <summary>Parses a year typed in a URL; null with a message when it is not a number from 2000 to 2100.</summary>
    public static int? ParseYear(string? text, string field, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text.Length <= 6 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && MovementService.InRange(y)) return y;
        problem = $"{field}: năm phải từ {MovementService.FirstYear} đến {MovementService.LastYear}.";
        return null;
    }

    public static T? ParseEnum<T>(string? text) where T : struct, Enum =>
        text is { Length: > 0 and <= 40 } && Enum.TryParse<T>(text, ignoreCase: false, out var v) && Enum.IsDefined(v) && !char.IsDigit(text[0]) ? v : null;

    public static string Launcher(Movement m, string? unitName, string? blocName) =>
        m.IsNational ? m.NationalAuthority ?? "—" : unitName ?? blocName ?? "Thường trực khối";
}
