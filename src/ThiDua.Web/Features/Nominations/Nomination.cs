using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Features.Blocs;
using ThiDua.Features.Eligibility;
using ThiDua.Features.Movements;
using ThiDua.Features.People;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations;

/// <summary>
/// The states of a dossier (hồ sơ đề nghị). Allowed moves are in <see cref="NominationWorkflow.Allowed"/>; a dossier
/// never skips one, and every move is a <see cref="NominationTransition"/> plus an audit row.
/// </summary>
public enum NominationState
{
    /// <summary>Dự thảo: the proposing unit is writing it.</summary>
    Draft,
    /// <summary>Đã gửi: submitted by the unit, waiting for the secretariat's appraisal (thẩm định).</summary>
    Submitted,
    /// <summary>Trả lại để bổ sung: returned with a reason; the unit edits and submits again.</summary>
    Returned,
    /// <summary>Không chấp nhận: rejected by the secretariat with a reason (final).</summary>
    Rejected,
    /// <summary>Đã thẩm định: accepted by the secretariat.</summary>
    Appraised,
    /// <summary>Đang lấy ý kiến công khai: on the portal for <see cref="Nomination.PublicCommentUntil"/>.</summary>
    PublicComment,
    /// <summary>Chờ Hội đồng: ready for a council session's agenda.</summary>
    ReadyForCouncil,
    /// <summary>Hội đồng đồng ý: passed the council's ballot.</summary>
    CouncilApproved,
    /// <summary>Hội đồng không đồng ý (final).</summary>
    CouncilRefused,
    /// <summary>Đã trình cấp trên: sent upward with a cover letter (tờ trình), waiting for the higher decision.</summary>
    SubmittedUpward,
    /// <summary>Đã có quyết định: conferred by a decision of this unit or recorded from the higher level.</summary>
    Decided,
    /// <summary>Cấp trên không khen thưởng: the higher level declined (final).</summary>
    NotDecided,
}

/// <summary>Who handles a dossier: the proposing agency's own council, or the bloc (the bloc leader's awards).</summary>
public enum NominationLevel
{
    /// <summary>Cấp cơ quan: the agency's Emulation–Commendation Council and its head decide or submit upward.</summary>
    Agency,
    /// <summary>Cấp khối: the bloc's secretariat appraises, the bloc's council votes, the bloc leader decides.</summary>
    Bloc,
}

public enum NominationSubject
{
    Person,
    Collective,
}

/// <summary>The types of document a dossier holds (thành phần hồ sơ).</summary>
public enum DossierDocumentKind
{
    /// <summary>Tờ trình đề nghị khen thưởng.</summary>
    CoverLetter,
    /// <summary>Báo cáo thành tích (Mẫu 02/03).</summary>
    AchievementReport,
    /// <summary>Biên bản họp, bình xét.</summary>
    Minutes,
    /// <summary>Sáng kiến (giấy chứng nhận / quyết định công nhận).</summary>
    Initiative,
    /// <summary>Đề tài khoa học.</summary>
    ResearchProject,
    /// <summary>Quyết định (công nhận danh hiệu các năm trước, ...).</summary>
    Decision,
    /// <summary>Ý kiến góp ý (of the public comment, of other bodies).</summary>
    Comment,
}

/// <summary>
/// Hồ sơ đề nghị khen thưởng: one subject (a person or a collective), one title or form (a code of
/// <see cref="EligibilityCodes.Catalogue"/>), one year, optionally the movement it answers.
/// </summary>
public sealed class Nomination : IVersioned
{
    public int Id { get; set; }
    public int Year { get; set; }
    /// <summary>Award code (title or form), e.g. CSTDCS, BK_BO, CO_CP.</summary>
    public required string Code { get; set; }
    public NominationSubject Subject { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The collective proposed (when <see cref="Subject"/> is Collective).</summary>
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>The proposing agency (member unit of the bloc): its officers own the dossier; unit scoping reads this.</summary>
    public int AgencyId { get; set; }
    public Unit? Agency { get; set; }
    public NominationLevel Level { get; set; }
    /// <summary>Set when <see cref="Level"/> is Bloc.</summary>
    public int? BlocId { get; set; }
    public EmulationBloc? Bloc { get; set; }
    public int? MovementId { get; set; }
    public Movement? Movement { get; set; }
    public AwardBasis Basis { get; set; }
    /// <summary>The achievement period (thời gian lập được thành tích), years inclusive.</summary>
    public int? PeriodFrom { get; set; }
    public int? PeriodTo { get; set; }
    /// <summary>One line naming the achievement, used by the decision and the certificate ("Đã có thành tích xuất sắc ...").</summary>
    public string Achievement { get; set; } = "";

    // The achievement report (báo cáo thành tích, Mẫu 02 for a collective, Mẫu 03 for a person): its sections,
    // pre-filled from the registry and edited by the unit.
    public string ReportBackground { get; set; } = "";
    public string ReportAchievements { get; set; } = "";
    public string ReportMeasures { get; set; } = "";
    public string ReportPriorAwards { get; set; } = "";

    /// <summary>The unit's written justification for submitting against an engine verdict "not eligible".</summary>
    public string? Justification { get; set; }

    public NominationState State { get; set; }
    public DateTime StateChangedUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public required string CreatedBy { get; set; }
    /// <summary>The working-day deadline of the current step (appraisal, public comment), Vietnam date.</summary>
    public DateOnly? DueOn { get; set; }
    public DateOnly? PublicCommentFrom { get; set; }
    public DateOnly? PublicCommentUntil { get; set; }
    /// <summary>The unit asked to recall a submitted dossier (rút hồ sơ); the secretariat grants or refuses.</summary>
    public string? RecallRequest { get; set; }
    public DateTime? RecallRequestedUtc { get; set; }
    /// <summary>The higher level's decision, when the dossier went upward (recorded by the secretariat).</summary>
    public string? HigherDecisionNumber { get; set; }
    public DateOnly? HigherDecisionDate { get; set; }
    public string? HigherAuthority { get; set; }
    public int Version { get; set; }

    public List<NominationTransition> Transitions { get; set; } = [];
    public List<DossierDocument> Documents { get; set; } = [];
    public List<PublicCommentRecord> Comments { get; set; } = [];
}

/// <summary>One move of the workflow: who, when, from, to, why.</summary>
public sealed class NominationTransition
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public NominationState From { get; set; }
    public NominationState To { get; set; }
    public DateTime AtUtc { get; set; }
    public required string UserName { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A file of the dossier, typed, checked by content (<see cref="DocumentFiles"/>), stored in the shared uploads.</summary>
public sealed class DossierDocument
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public DossierDocumentKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string StoredName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public DateTime UploadedUtc { get; set; }
    public required string UploadedBy { get; set; }
}

public enum CommentRuling
{
    Pending,
    /// <summary>Chấp nhận: the dossier goes back to appraisal.</summary>
    Accepted,
    /// <summary>Không chấp nhận, with the reason.</summary>
    Dismissed,
}

/// <summary>A comment received while the dossier was published for public comment (ý kiến phản ánh).</summary>
public sealed class PublicCommentRecord
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public DateTime ReceivedUtc { get; set; }
    public string? AuthorName { get; set; }
    public string? AuthorContact { get; set; }
    public required string Text { get; set; }
    public CommentRuling Ruling { get; set; }
    public string? RulingReason { get; set; }
    public string? RuledBy { get; set; }
    public DateTime? RuledUtc { get; set; }
}

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> e)
    {
        e.Property(x => x.Code).HasMaxLength(20);
        e.Property(x => x.Subject).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Basis).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Achievement).HasMaxLength(1000);
        e.Property(x => x.ReportBackground).HasMaxLength(20000);
        e.Property(x => x.ReportAchievements).HasMaxLength(50000);
        e.Property(x => x.ReportMeasures).HasMaxLength(20000);
        e.Property(x => x.ReportPriorAwards).HasMaxLength(10000);
        e.Property(x => x.Justification).HasMaxLength(4000);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.RecallRequest).HasMaxLength(2000);
        e.Property(x => x.HigherDecisionNumber).HasMaxLength(100);
        e.Property(x => x.HigherAuthority).HasMaxLength(300);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Bloc).WithMany().HasForeignKey(x => x.BlocId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Movement).WithMany().HasForeignKey(x => x.MovementId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Transitions).WithOne().HasForeignKey(x => x.NominationId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Documents).WithOne().HasForeignKey(x => x.NominationId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Comments).WithOne().HasForeignKey(x => x.NominationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.AgencyId, x.Year, x.State });
        e.HasIndex(x => new { x.BlocId, x.Year, x.State });
        e.HasIndex(x => new { x.Year, x.Code, x.PersonId });
        e.HasIndex(x => new { x.Year, x.Code, x.UnitId });
        e.HasIndex(x => new { x.State, x.DueOn });
    }
}

internal sealed class NominationTransitionConfiguration : IEntityTypeConfiguration<NominationTransition>
{
    public void Configure(EntityTypeBuilder<NominationTransition> e)
    {
        e.Property(x => x.From).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.To).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.Reason).HasMaxLength(4000);
        e.HasIndex(x => new { x.NominationId, x.AtUtc });
    }
}

internal sealed class DossierDocumentConfiguration : IEntityTypeConfiguration<DossierDocument>
{
    public void Configure(EntityTypeBuilder<DossierDocument> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.FileName).HasMaxLength(255);
        e.Property(x => x.StoredName).HasMaxLength(100);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.UploadedBy).HasMaxLength(256);
        e.HasIndex(x => x.NominationId);
    }
}

internal sealed class PublicCommentRecordConfiguration : IEntityTypeConfiguration<PublicCommentRecord>
{
    public void Configure(EntityTypeBuilder<PublicCommentRecord> e)
    {
        e.Property(x => x.AuthorName).HasMaxLength(200);
        e.Property(x => x.AuthorContact).HasMaxLength(200);
        e.Property(x => x.Text).HasMaxLength(4000);
        e.Property(x => x.Ruling).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.RulingReason).HasMaxLength(2000);
        e.Property(x => x.RuledBy).HasMaxLength(256);
        e.HasIndex(x => new { x.NominationId, x.Ruling });
    }
}
