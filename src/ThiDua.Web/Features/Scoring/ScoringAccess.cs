using System.Security.Claims;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Scoring;

/// <summary>
/// Who acts in the bloc's scoring: the bloc secretariat (Admin, BlocSecretariat) manages everything; a unit's
/// officer (EmulationOfficer, CouncilSecretariat) acts for its own agency; council members and leaders read their
/// own agency's card.
/// </summary>
public sealed record ScoringActor(string UserName, bool Secretariat, bool Officer, int? AgencyId)
{
    public bool ActsFor(int unitId) => Officer && AgencyId == unitId;
    public bool ReadsFor(int unitId) => Secretariat || AgencyId == unitId;

    public static ScoringActor Secretary(string user) => new(user, true, false, null);
    public static ScoringActor OfficerOf(string user, int agencyId) => new(user, false, true, agencyId);

    public static async Task<ScoringActor> OfAsync(ClaimsPrincipal user, UnitScopeService scopes, CancellationToken ct)
    {
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var secretariat = Roles.SeesAllUnits(roles);
        var officer = roles.Any(r => r is Roles.EmulationOfficer or Roles.CouncilSecretariat);
        var agency = await scopes.OwnAgencyIdAsync(user, ct);
        return new ScoringActor(user.UserName(), secretariat, officer, agency);
    }
}
