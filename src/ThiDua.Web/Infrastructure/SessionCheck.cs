using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThiDua.Data;

namespace ThiDua.Infrastructure;

/// <summary>
/// Checks the sign-in cookie against the account on every request, so deactivating an account or changing its
/// roles, unit or staff record (each of which renews the security stamp) ends its sessions at once. Identity's own
/// validator re-reads the account only every 30 minutes and then rebuilds the whole principal (roles, claims);
/// this is one indexed read of two columns.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = principal?.FindFirstValue(options.UserIdClaimType);
        var stamp = principal?.FindFirstValue(options.SecurityStampClaimType);
        if (userId is not null && stamp is not null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
            var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.IsActive }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (account is { IsActive: true } && account.SecurityStamp == stamp) return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
