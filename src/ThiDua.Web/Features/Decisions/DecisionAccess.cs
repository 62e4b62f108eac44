using System.Security.Claims;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Decisions;

/// <summary>The signed-in user as the decisions see them: roles and the agency the account belongs to.</summary>
public sealed record DecisionActor(bool Admin, bool BlocSecretariat, int? Agency, IReadOnlySet<string> Roles)
{
    public bool Has(string role) => Roles.Contains(role);
}

/// <summary>
/// Who may do what with decisions (docs/decisions-feature.md): an agency's own decisions are drafted by its
/// council secretariat and issued by its leader; the bloc leader's decisions are drafted and issued (recorded as
/// signed) by the bloc secretariat; the administrator does everything. Everyone of the issuing agency reads its
/// decisions, drafts included; once issued, the agencies of the recipients read it too. Another agency never sees a draft.
/// </summary>
public static class DecisionAccess
{
    public static async Task<DecisionActor> ActorAsync(UnitScopeService scope, ClaimsPrincipal user, CancellationToken ct)
    {
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new DecisionActor(roles.Contains(Roles.Admin), roles.Contains(Roles.BlocSecretariat), await scope.OwnAgencyIdAsync(user, ct), roles);
    }

    public static bool SeesAll(DecisionActor a) => a.Admin || a.BlocSecretariat;

    /// <summary>May create a draft of the agency's own decisions (<paramref name="agencyId"/>) or, with null, of the bloc leader's.</summary>
    public static bool CanCreate(DecisionActor a, int? agencyId) =>
        a.Admin || (agencyId is null ? a.BlocSecretariat : a.Has(Roles.CouncilSecretariat) && a.Agency == agencyId);

    public static bool CanDraft(DecisionActor a, Decision d) =>
        a.Admin || (d.BlocId is not null ? a.BlocSecretariat : a.Has(Roles.CouncilSecretariat) && a.Agency == d.IssuerAgencyId);

    /// <summary>Issues (records the signature of) the decision: the issuing agency's leader, or the bloc secretariat for the bloc leader's.</summary>
    public static bool CanIssue(DecisionActor a, Decision d) =>
        a.Admin || (d.BlocId is not null ? a.BlocSecretariat
            : a.Agency == d.IssuerAgencyId && (a.Has(Roles.Leader) || d.Kind == DecisionKind.Upward && a.Has(Roles.CouncilSecretariat)));

    /// <summary>Records a revocation or the higher level's answer: whoever drafts or issues the issuer's decisions.</summary>
    public static bool CanRecord(DecisionActor a, Decision d) => CanDraft(a, d) || CanIssue(a, d);

    /// <summary>The decisions the user may read.</summary>
    public static IQueryable<Decision> Visible(AppDbContext db, DecisionActor a)
    {
        if (SeesAll(a)) return db.Decisions;
        if (a.Agency is not { } agency) return db.Decisions.Where(_ => false);
        return db.Decisions.Where(d => (d.BlocId == null && d.IssuerAgencyId == agency)
            || (d.State == DecisionState.Issued && d.Recipients.Any(r => r.UnitId == agency || (r.Nomination != null && r.Nomination.AgencyId == agency))));
    }
}
