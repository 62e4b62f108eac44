using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Features.Awards;
using ThiDua.Features.Blocs;
using ThiDua.Features.Eligibility;
using ThiDua.Features.Nominations;
using ThiDua.Features.People;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Decisions;

/// <summary>The document system a body writes in: Party bodies (Hướng dẫn 36-HD/VPTW) or State bodies (NĐ 30/2020/NĐ-CP).</summary>
public enum DocumentSystem
{
    Party,
    State,
}

/// <summary>What the document is: the unit's own decision, or a cover letter (tờ trình) sending dossiers upward.</summary>
public enum DecisionKind
{
    /// <summary>Quyết định khen thưởng of the issuer.</summary>
    Decision,
    /// <summary>Tờ trình đề nghị cấp trên khen thưởng: "issuing" it submits the dossiers upward.</summary>
    Upward,
}

public enum DecisionState
{
    /// <summary>Dự thảo: recipients may change; no number yet.</summary>
    Draft,
    /// <summary>Đã ban hành: numbered from the register, awards conferred, certificates numbered; never edited again.</summary>
    Issued,
}

/// <summary>
/// Quyết định khen thưởng: issued by an agency (its head) or by the bloc leader, numbered from the issuer's register
/// for the year at issue. One form (<see cref="Code"/>) per decision, as decisions are written.
/// </summary>
public sealed class Decision : IVersioned
{
    public int Id { get; set; }
    /// <summary>The issuing agency; for the bloc leader's decisions, the agency that leads the bloc that year.</summary>
    public int IssuerAgencyId { get; set; }
    public Unit? IssuerAgency { get; set; }
    /// <summary>Set when the decision is the bloc leader's (Khối trưởng) rather than the agency's own.</summary>
    public int? BlocId { get; set; }
    public EmulationBloc? Bloc { get; set; }
    public int Year { get; set; }
    /// <summary>The number in the issuer's register for <see cref="Year"/>, assigned at issue.</summary>
    public int? Number { get; set; }
    /// <summary>The number as printed: "12-QĐ/BTCTW" (Party) or "12/QĐ-BNV" (State).</summary>
    public string? NumberText { get; set; }
    public DateOnly? SignedOn { get; set; }
    public string SignerName { get; set; } = "";
    public string SignerTitle { get; set; } = "";
    public string Place { get; set; } = "Hà Nội";
    public required string Code { get; set; }
    public AwardBasis Basis { get; set; }
    /// <summary>The achievement period the decision rewards; the next award of the same form counts from it (contract v2 periodTo).</summary>
    public int? PeriodFrom { get; set; }
    public int? PeriodTo { get; set; }
    /// <summary>Trích yếu: "Về việc tặng Bằng khen ...".</summary>
    public string Subject { get; set; } = "";
    /// <summary>Căn cứ: the legal grounds and the council's proposal, one per line.</summary>
    public string Grounds { get; set; } = "";
    public DocumentSystem System { get; set; }
    public DecisionKind Kind { get; set; }
    /// <summary>For a cover letter: the higher authority it goes to ("Thủ tướng Chính phủ").</summary>
    public string? HigherAuthority { get; set; }
    public DecisionState State { get; set; }
    public DateTime CreatedUtc { get; set; }
    public required string CreatedBy { get; set; }
    /// <summary>
    /// The register the number comes from: "U{issuer}" for an agency's own decisions, "B{bloc}" for the bloc leader's
    /// (set at issue). Never null once issued, so the unique index below holds (a null BlocId would not be compared).
    /// </summary>
    public string? Register { get; set; }
    /// <summary>The calendar year of signing: registers restart each year (a 2019 award is often signed in 2020).</summary>
    public int? RegisterYear { get; set; }
    public DateTime? IssuedUtc { get; set; }
    public string? IssuedBy { get; set; }
    /// <summary>Where the decision goes (Nơi nhận), one per line.</summary>
    public string Distribution { get; set; } = "";
    public int Version { get; set; }
    public List<DecisionRecipient> Recipients { get; set; } = [];
}

/// <summary>One person or collective in a decision, with the money and the certificate it carries.</summary>
public sealed class DecisionRecipient
{
    public int Id { get; set; }
    public int DecisionId { get; set; }
    public Decision? Decision { get; set; }
    public int Order { get; set; }
    public int? NominationId { get; set; }
    public Nomination? Nomination { get; set; }
    /// <summary>The bloc vote's proposal this recipient comes from (Votes.VoteProposal), when it does.</summary>
    public int? VoteProposalId { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>The name and position/unit as printed in the decision, kept as issued.</summary>
    public required string DisplayName { get; set; }
    public string? DisplayPosition { get; set; }
    public string Achievement { get; set; } = "";
    /// <summary>The category the statistical forms count it under (e.g. lãnh đạo, công chức, công nhân/nông dân, tập thể).</summary>
    public string? Category { get; set; }
    /// <summary>Hệ số mức tiền thưởng and lương cơ sở in force on the decision date, and their product rounded to VND.</summary>
    public decimal Coefficient { get; set; }
    public long BaseSalaryVnd { get; set; }
    public long AmountVnd { get; set; }
    /// <summary>The award record created at issue (Status Conferred) — the recipient's history.</summary>
    public int? AwardId { get; set; }
    public AwardRecord? Award { get; set; }
    /// <summary>Number in the issuer's certificate register for the decision's year, assigned at issue.</summary>
    public int? CertificateNumber { get; set; }
    /// <summary>Short unguessable code printed on the certificate and in its QR code: /xac-minh/{code}.</summary>
    public string? VerificationCode { get; set; }
    /// <summary>For a cover letter's recipient: the higher level's answer (null while waiting).</summary>
    public bool? HigherGranted { get; set; }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> e)
    {
        e.Property(x => x.NumberText).HasMaxLength(60);
        e.Property(x => x.SignerName).HasMaxLength(200);
        e.Property(x => x.SignerTitle).HasMaxLength(200);
        e.Property(x => x.Place).HasMaxLength(100);
        e.Property(x => x.Code).HasMaxLength(20);
        e.Property(x => x.Basis).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Subject).HasMaxLength(500);
        e.Property(x => x.Grounds).HasMaxLength(4000);
        e.Property(x => x.System).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.HigherAuthority).HasMaxLength(300);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.Register).HasMaxLength(20);
        e.Property(x => x.IssuedBy).HasMaxLength(256);
        e.Property(x => x.Distribution).HasMaxLength(2000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.IssuerAgency).WithMany().HasForeignKey(x => x.IssuerAgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Bloc).WithMany().HasForeignKey(x => x.BlocId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Recipients).WithOne(x => x.Decision).HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Cascade);
        // The register: one number per register (the agency, or the bloc's leader acting for it) and calendar year.
        e.HasIndex(x => new { x.Register, x.RegisterYear, x.Number }).IsUnique();
        e.HasIndex(x => new { x.IssuerAgencyId, x.Year });
        e.HasIndex(x => new { x.Year, x.State });
    }
}

internal sealed class DecisionRecipientConfiguration : IEntityTypeConfiguration<DecisionRecipient>
{
    public void Configure(EntityTypeBuilder<DecisionRecipient> e)
    {
        e.Property(x => x.DisplayName).HasMaxLength(300);
        e.Property(x => x.DisplayPosition).HasMaxLength(300);
        e.Property(x => x.Achievement).HasMaxLength(1000);
        e.Property(x => x.Category).HasMaxLength(50);
        e.Property(x => x.Coefficient).HasPrecision(6, 2);
        e.Property(x => x.VerificationCode).HasMaxLength(20);
        e.HasOne(x => x.Nomination).WithMany().HasForeignKey(x => x.NominationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Award).WithMany().HasForeignKey(x => x.AwardId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Votes.VoteProposal>().WithMany().HasForeignKey(x => x.VoteProposalId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.DecisionId, x.Order });
        e.HasIndex(x => x.NominationId);
        e.HasIndex(x => x.VerificationCode).IsUnique();
    }
}
