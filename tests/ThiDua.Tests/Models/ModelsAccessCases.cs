namespace ThiDua.Tests.Models;

/// <summary>Rows of the access table (<see cref="Accounts.AccessTests"/>) for this feature's pages: who, url, expected ("ok", "denied", "login").</summary>
public static class ModelsAccessCases
{
    public static readonly (string Who, string Url, string Expected)[] Cases =
    [
    ];
}
