using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Decisions;

/// <summary>What the pages share: loading a decision the user may read, and building its documents.</summary>
public static class DecisionPages
{
    /// <summary>The decision with its issuer, bloc and recipients, or null when it does not exist or the user may not read it.</summary>
    public static async Task<(Decision? Decision, DecisionActor Actor)> LoadAsync(AppDbContext db, UnitScopeService scope, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var actor = await DecisionAccess.ActorAsync(scope, user, ct);
        if (id <= 0) return (null, actor);
        var d = await DecisionAccess.Visible(db, actor).AsNoTracking().Where(x => x.Id == id)
            .Include(x => x.IssuerAgency).Include(x => x.Bloc)
            .Include(x => x.Recipients.OrderBy(r => r.Order)).ThenInclude(r => r.Award)
            .Include(x => x.Recipients).ThenInclude(r => r.Person)
            .AsSplitQuery().FirstOrDefaultAsync(ct);
        return (d, actor);
    }

    public static string KindName(Decision d) => d.Kind == DecisionKind.Upward ? "Tờ trình" : "Quyết định";

    public static string StateName(Decision d) => d.State == DecisionState.Draft ? "Dự thảo"
        : d.Kind == DecisionKind.Upward ? "Đã trình" : "Đã ban hành";

    public static DecisionDoc Doc(Decision d)
    {
        var bloc = d.BlocId is not null;
        var party = d.System == DocumentSystem.Party;
        return new DecisionDoc(d.System, d.Kind,
            bloc ? "" : party ? "Ban Chấp hành Trung ương" : "",
            bloc ? d.Bloc?.Name ?? "" : d.IssuerAgency?.Name ?? "",
            d.NumberText, d.Place, d.SignedOn, d.Subject, d.Grounds, AwardRecord.Name(d.Code), d.Year, d.HigherAuthority,
            bloc ? "T/M Khối thi đua" : "", d.SignerTitle, d.SignerName, d.Distribution,
            d.Recipients.OrderBy(r => r.Order).Select(r => new DecisionDocLine(r.Order, r.DisplayName, r.DisplayPosition, r.Achievement, r.AmountVnd, r.PersonId is null, r.Award?.RevokedOn is not null)).ToList());
    }

    /// <summary>Warnings about a person recipient's registry identifiers (CCCD 12 digits, mã CBCCVC).</summary>
    public static string? IdWarning(DecisionRecipient r)
    {
        if (r.PersonId is null || r.Person is null) return null;
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(r.Person.NationalId)) missing.Add("CCCD");
        else if (!People.PersonIds.IsNationalId(r.Person.NationalId)) missing.Add("CCCD không đúng 12 chữ số");
        if (string.IsNullOrWhiteSpace(r.Person.CivilServantCode)) missing.Add("mã CBCCVC");
        return missing.Count == 0 ? null : "Thiếu " + string.Join(", ", missing);
    }
}
