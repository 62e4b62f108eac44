namespace ThiDua.Features.People;

/// <summary>The registry's identifiers of a person: CCCD (căn cước công dân, 12 digits) and mã CBCCVC.</summary>
public static class PersonIds
{
    public const int CivilServantCodeMax = 20;

    /// <summary>A citizen identity number: exactly 12 ASCII digits.</summary>
    public static bool IsNationalId(string? s) => s is { Length: 12 } && s.All(char.IsAsciiDigit);

    /// <summary>Mã CBCCVC as typed: letters, digits, dot, hyphen, up to 20 characters (format chưa kiểm chứng).</summary>
    public static bool IsCivilServantCode(string? s) => s is { Length: > 0 and <= CivilServantCodeMax } && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');

    /// <summary>Null for empty; the trimmed text otherwise.</summary>
    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
