using System.Security.Claims;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Registrations;

/// <summary>
/// Who may do what with registrations: the bloc secretariat (Admin, BlocSecretariat) reads and manages every agency's
/// and alone returns or approves; a unit's officer (EmulationOfficer, CouncilSecretariat) drafts and submits for their
/// own agency; council members and leaders read their own agency's. Nobody reaches another agency's otherwise.
/// </summary>
public sealed record RegistrationAccess(bool Secretariat, bool Officer, int? OwnAgencyId)
{
    public static async Task<RegistrationAccess> ForAsync(ClaimsPrincipal user, UnitScopeService scopes, CancellationToken ct)
    {
        var secretariat = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.BlocSecretariat);
        var officer = user.IsInRole(Roles.EmulationOfficer) || user.IsInRole(Roles.CouncilSecretariat);
        return new RegistrationAccess(secretariat, officer, await scopes.OwnAgencyIdAsync(user, ct));
    }

    public bool CanRead(int agencyId) => Secretariat || OwnAgencyId == agencyId;

    /// <summary>Drafting, adding and removing lines, submitting: the agency's officer, or the bloc secretariat for any agency.</summary>
    public bool CanDraft(int agencyId) => Secretariat || Officer && OwnAgencyId == agencyId;

    /// <summary>Returning and approving: the bloc secretariat only.</summary>
    public bool CanDecide => Secretariat;
}
