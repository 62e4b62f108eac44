using System.Security.Claims;

namespace ThiDua.Infrastructure;

public static class UserExtensions
{
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimNames.FullName) ?? user.Identity?.Name ?? "";

    public static string UserName(this ClaimsPrincipal user) => user.Identity?.Name ?? "(hệ thống)";
}
