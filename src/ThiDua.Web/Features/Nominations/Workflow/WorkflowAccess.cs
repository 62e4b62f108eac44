using System.Security.Claims;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations.Workflow;

/// <summary>
/// Who may do what with a dossier's workflow. The owner (the proposing agency's EmulationOfficer or
/// CouncilSecretariat, or the bloc secretariat for any agency) submits and asks to recall. The handler appraises:
/// a bloc-level dossier by the bloc secretariat (Admin, BlocSecretariat), an agency-level one by that agency's
/// CouncilSecretariat (and Admin). Readers: the secretariat every dossier, everyone else their own agency's.
/// </summary>
public sealed record WorkflowAccess(bool Admin, bool BlocSecretariat, bool CouncilSecretariat, bool Officer, int? OwnAgencyId)
{
    public static async Task<WorkflowAccess> ForAsync(ClaimsPrincipal user, UnitScopeService scopes, CancellationToken ct = default) => new(
        user.IsInRole(Roles.Admin), user.IsInRole(Roles.BlocSecretariat), user.IsInRole(Roles.CouncilSecretariat),
        user.IsInRole(Roles.EmulationOfficer) || user.IsInRole(Roles.CouncilSecretariat), await scopes.OwnAgencyIdAsync(user, ct));

    /// <summary>Admin or BlocSecretariat: reads every agency's dossiers.</summary>
    public bool Secretariat => Admin || BlocSecretariat;

    public bool CanRead(Nomination n) => Secretariat || OwnAgencyId == n.AgencyId;

    /// <summary>Submits, resubmits, asks to recall: the owning agency's officer, or the bloc secretariat.</summary>
    public bool IsOwner(Nomination n) => Secretariat || Officer && OwnAgencyId == n.AgencyId;

    /// <summary>Appraises, returns, rejects, grants or refuses a recall, rules on comments, sends to the council.</summary>
    public bool IsHandler(Nomination n) => IsHandler(n.Level, n.AgencyId);

    public bool IsHandler(NominationLevel level, int agencyId) => level == NominationLevel.Bloc
        ? Secretariat
        : Admin || CouncilSecretariat && OwnAgencyId == agencyId;

    /// <summary>Whether this user handles any dossier at all (the bulk and overdue pages).</summary>
    public bool HandlesAny => Secretariat || CouncilSecretariat && OwnAgencyId is not null;
}
