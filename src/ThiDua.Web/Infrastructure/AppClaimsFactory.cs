using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ThiDua.Features.Accounts;

namespace ThiDua.Infrastructure;

/// <summary>Puts the account's unit and staff record into the sign-in cookie, so scope checks need no lookup.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new Claim(ClaimNames.UnitId, user.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        id.AddClaim(new Claim(ClaimNames.FullName, user.FullName));
        if (user.PersonId is { } p) id.AddClaim(new Claim(ClaimNames.PersonId, p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return id;
    }
}
