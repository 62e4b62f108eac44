using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Features.Decisions;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Certificates;

/// <summary>One certificate as the verification page and the PDF read it: the recipient line of an issued decision.</summary>
public sealed record CertificateRecord(
    int RecipientId,
    int DecisionId,
    string VerificationCode,
    string FormCode,
    string FormName,
    string RecipientName,
    string? RecipientPosition,
    string? UnitName,
    string Achievement,
    int? PersonId,
    IReadOnlyList<int> RecipientUnitIds,
    int? NominationAgencyId,
    int IssuerAgencyId,
    string IssuerName,
    DocumentSystem System,
    int Year,
    string DecisionNumberText,
    DateOnly SignedOn,
    string Place,
    string SignerTitle,
    string SignerName,
    int? CertificateNumber,
    DateOnly? RevokedOn,
    string? RevocationReason,
    string? RevocationGround)
{
    public bool Revoked => RevokedOn is not null;
    public CertificateTemplate Template => CertificateTemplates.For(FormCode);
    public string RegisterNumber => Template.RegisterNumber(CertificateNumber, Year);

    public CertificateContent Content(string verifyUrl) => new(
        FormCode, System, IssuerName, RecipientName, RecipientPosition, Achievement, Year, DecisionNumberText, SignedOn, Place,
        SignerTitle, SignerName, CertificateNumber, VerificationCode, verifyUrl);
}

/// <summary>
/// Finds certificates (recipients of issued decisions with a verification code), decides who may download them, and
/// builds the verification URL. The verification code is the only key the public has; it is checked for length and
/// alphabet before any query.
/// </summary>
public sealed class CertificateService(AppDbContext db, IConfiguration config)
{
    public const int MinCodeLength = 8, MaxCodeLength = 20;
    // Codes are made at issue by DecisionRules.NewVerificationCode (60 random bits); this page only reads them.

    /// <summary>A code as typed or scanned, trimmed and upper-cased; null when it cannot be a code (length, alphabet).</summary>
    public static string? Normalize(string? code)
    {
        if (code is null) return null;
        var c = code.Trim();
        if (c.Length is < MinCodeLength or > MaxCodeLength) return null;
        foreach (var ch in c)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch != '-') return null;
        }
        return c;
    }

    /// <summary>The absolute URL of the verification page: App:PublicBaseUrl when set, else the request's scheme and host.</summary>
    public string VerifyUrl(HttpRequest request, string code)
    {
        var configured = config["App:PublicBaseUrl"];
        var baseUrl = !string.IsNullOrWhiteSpace(configured)
            ? configured.Trim().TrimEnd('/')
            : FormattableString.Invariant($"{request.Scheme}://{request.Host}{request.PathBase}");
        return FormattableString.Invariant($"{baseUrl}/xac-minh/{Uri.EscapeDataString(code)}");
    }

    private IQueryable<DecisionRecipient> Issued() => db.DecisionRecipients.AsNoTracking()
        .Where(r => r.VerificationCode != null && r.Decision!.State == DecisionState.Issued);

    /// <summary>The certificate with this code on an issued decision, or null (unknown, malformed, or the decision is a draft).</summary>
    public async Task<CertificateRecord?> FindAsync(string? code, CancellationToken ct = default)
    {
        if (Normalize(code) is not { } c) return null;
        // Codes are compared as stored; a code typed in lower case is also tried upper-cased (base32 codes are upper case).
        var upper = c.ToUpperInvariant();
        var list = await LoadAsync(Issued().Where(r => r.VerificationCode == c || r.VerificationCode == upper), ct);
        return list.FirstOrDefault(r => string.Equals(r.VerificationCode, c, StringComparison.Ordinal)) ?? list.FirstOrDefault();
    }

    /// <summary>Every certificate of an issued decision, in the decision's order; empty when the decision is unknown or not issued.</summary>
    public Task<List<CertificateRecord>> ForDecisionAsync(int decisionId, CancellationToken ct = default) =>
        LoadAsync(Issued().Where(r => r.DecisionId == decisionId), ct);

    private static async Task<List<CertificateRecord>> LoadAsync(IQueryable<DecisionRecipient> query, CancellationToken ct)
    {
        var rows = await query.OrderBy(r => r.Order).ThenBy(r => r.Id).Select(r => new
        {
            r.Id,
            r.DecisionId,
            Code = r.VerificationCode!,
            FormCode = r.Decision!.Code,
            r.DisplayName,
            r.DisplayPosition,
            r.Achievement,
            r.PersonId,
            PersonUnitId = r.Person != null ? r.Person.CurrentUnitId : null,
            r.UnitId,
            UnitName = r.Unit != null ? r.Unit.Name : r.Person != null && r.Person.CurrentUnit != null ? r.Person.CurrentUnit.Name : null,
            NominationAgencyId = r.Nomination != null ? (int?)r.Nomination.AgencyId : null,
            r.Decision.IssuerAgencyId,
            IssuerName = r.Decision.IssuerAgency!.Name,
            r.Decision.System,
            r.Decision.Year,
            r.Decision.NumberText,
            r.Decision.SignedOn,
            r.Decision.Place,
            r.Decision.SignerTitle,
            r.Decision.SignerName,
            r.CertificateNumber,
            RevokedOn = r.Award != null ? r.Award.RevokedOn : null,
            RevocationReason = r.Award != null ? r.Award.RevocationReason : null,
            RevocationGround = r.Award != null ? r.Award.RevocationGround : null,
        }).ToListAsync(ct);
        return rows.Select(r => new CertificateRecord(
            r.Id, r.DecisionId, r.Code, r.FormCode, AwardsName(r.FormCode), r.DisplayName, r.DisplayPosition, r.UnitName, r.Achievement,
            r.PersonId, new[] { r.UnitId, r.PersonUnitId }.OfType<int>().Distinct().ToList(), r.NominationAgencyId,
            r.IssuerAgencyId, r.IssuerName, r.System, r.Year, r.NumberText ?? "", r.SignedOn ?? DateOnly.MinValue, r.Place,
            r.SignerTitle, r.SignerName, r.CertificateNumber, r.RevokedOn, r.RevocationReason, r.RevocationGround)).ToList();
    }

    private static string AwardsName(string code) => Awards.AwardRecord.Name(code);

    /// <summary>
    /// Who may download a certificate: the administrator and the bloc secretariat; a registry reader (officer, council
    /// secretariat, council member, leader) of the issuing agency or of the recipient's agency (the agency that proposed
    /// them, the collective's agency, or the agency the person works in now); and the person themselves.
    /// </summary>
    public async Task<bool> MayReadAsync(ClaimsPrincipal user, CertificateRecord c, UnitScopeService scope, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        var roles = user.FindAll(ClaimTypes.Role).Select(r => r.Value).ToList();
        if (Roles.SeesAllUnits(roles)) return true;
        if (c.PersonId is { } pid && int.TryParse(user.FindFirstValue(ClaimNames.PersonId), out var own) && own == pid) return true;
        var reader = roles.Any(r => r is Roles.EmulationOfficer or Roles.CouncilSecretariat or Roles.CouncilMember or Roles.Leader);
        if (!reader || await scope.OwnAgencyIdAsync(user, ct) is not { } agency) return false;
        if (agency == c.IssuerAgencyId || agency == c.NominationAgencyId) return true;
        foreach (var unitId in c.RecipientUnitIds)
        {
            if (await AgencyOfAsync(unitId, ct) == agency) return true;
        }
        return false;
    }

    private Dictionary<int, (int? ParentId, Units.UnitKind Kind)>? _tree;

    /// <summary>The agency a unit belongs to (as <see cref="UnitScopeService.AgencyOfAsync"/>), the unit tree read once per request.</summary>
    private async Task<int?> AgencyOfAsync(int unitId, CancellationToken ct)
    {
        _tree ??= (await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Kind }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => (u.ParentId, u.Kind));
        if (!_tree.ContainsKey(unitId)) return null;
        var root = unitId;
        var seen = new HashSet<int> { root };
        while (_tree[root].Kind != Units.UnitKind.Agency && _tree[root].ParentId is { } parent && _tree.ContainsKey(parent) && seen.Add(parent)) root = parent;
        return root;
    }
}
