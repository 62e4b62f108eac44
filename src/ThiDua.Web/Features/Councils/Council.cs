using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Features.Blocs;
using ThiDua.Features.Nominations;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Councils;

public enum CouncilRole
{
    /// <summary>Chủ tịch Hội đồng.</summary>
    Chair,
    /// <summary>Phó Chủ tịch.</summary>
    ViceChair,
    /// <summary>Ủy viên.</summary>
    Member,
    /// <summary>Ủy viên thư ký.</summary>
    Secretary,
}

public enum CouncilSessionState
{
    /// <summary>Dự thảo: agenda and attendance may change.</summary>
    Draft,
    /// <summary>Đang bỏ phiếu.</summary>
    Open,
    /// <summary>Đã kết thúc: counted, dossiers moved.</summary>
    Closed,
}

public enum CouncilChoice
{
    /// <summary>Đồng ý.</summary>
    Agree,
    /// <summary>Không đồng ý (needs a reason).</summary>
    Disagree,
    /// <summary>Ý kiến khác (needs a reason).</summary>
    Other,
}

/// <summary>
/// Hội đồng Thi đua – Khen thưởng of an agency (<see cref="AgencyId"/>) or of the bloc (<see cref="BlocId"/>), one each.
/// Quorum is a fraction of the members (default two thirds); thresholds per award code are in <see cref="CouncilThreshold"/>.
/// </summary>
public sealed class Council : IVersioned
{
    public int Id { get; set; }
    public int? AgencyId { get; set; }
    public Unit? Agency { get; set; }
    public int? BlocId { get; set; }
    public EmulationBloc? Bloc { get; set; }
    public required string Name { get; set; }
    /// <summary>The decision establishing the council: number (e.g. "125-QĐ/BTCTW").</summary>
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    /// <summary>The decision's text or summary (trích yếu).</summary>
    public string? DecisionText { get; set; }
    /// <summary>Quorum: present (in person or in writing) × <see cref="QuorumDenominator"/> ≥ members × <see cref="QuorumNumerator"/>.</summary>
    public int QuorumNumerator { get; set; } = 2;
    public int QuorumDenominator { get; set; } = 3;
    public required string QuorumSource { get; set; }
    public int Version { get; set; }
    public List<CouncilMember> Members { get; set; } = [];
    public List<CouncilThreshold> Thresholds { get; set; } = [];
}

/// <summary>A member of a council: an account, the name and position printed in the minutes, the role on the council.</summary>
public sealed class CouncilMember
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public Council? Council { get; set; }
    public required string UserId { get; set; }
    public required string FullName { get; set; }
    public string? Position { get; set; }
    public CouncilRole Role { get; set; }
    public DateOnly ActiveFrom { get; set; }
    public DateOnly? ActiveTo { get; set; }

    public bool ActiveOn(DateOnly d) => ActiveFrom <= d && (ActiveTo is null || ActiveTo >= d);
}

/// <summary>
/// The share of ALL members who must agree for an award code (<see cref="AnyCode"/> = every other code):
/// agree × 100 ≥ percent × members (or &gt; when <see cref="MoreThan"/>), compared exactly, without rounding.
/// </summary>
public sealed class CouncilThreshold
{
    public const string AnyCode = "*";
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public Council? Council { get; set; }
    public required string Code { get; set; }
    public decimal Percent { get; set; }
    public bool MoreThan { get; set; }
    public required string Source { get; set; }
}

/// <summary>A meeting of the council (phiên họp) with its agenda, attendance and secret ballots.</summary>
public sealed class CouncilSession : IVersioned
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public Council? Council { get; set; }
    public DateOnly MeetingDate { get; set; }
    public required string Place { get; set; }
    /// <summary>Hạn bỏ phiếu, stored in UTC (entered and shown in Vietnam time).</summary>
    public DateTime VoteDeadlineUtc { get; set; }
    public CouncilSessionState State { get; set; }
    public DateTime? OpenedUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
    /// <summary>"complete" (every non-recused member voted) or "deadline" (closed by the secretariat after the deadline).</summary>
    public string? ClosedHow { get; set; }
    public int Version { get; set; }
    public List<CouncilAttendance> Attendance { get; set; } = [];
    public List<CouncilAgendaItem> Items { get; set; } = [];
}

/// <summary>A member's attendance at a session (snapshot of the members active on the meeting date).</summary>
public sealed class CouncilAttendance
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public CouncilSession? Session { get; set; }
    public int MemberId { get; set; }
    public CouncilMember? Member { get; set; }
    public bool Present { get; set; } = true;
}

/// <summary>A dossier on a session's agenda; the counts are written at closing.</summary>
public sealed class CouncilAgendaItem
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public CouncilSession? Session { get; set; }
    public int NominationId { get; set; }
    public Nomination? Nomination { get; set; }
    public int Order { get; set; }
    public int? Agree { get; set; }
    public int? Disagree { get; set; }
    public int? Other { get; set; }
    /// <summary>Null until closed; false also when the quorum was not met.</summary>
    public bool? Passed { get; set; }
    public bool? QuorumMet { get; set; }
    public List<CouncilRecusal> Recusals { get; set; } = [];
}

/// <summary>A member's declared conflict of interest on one item: they do not vote on it. Public (listed in the results and minutes).</summary>
public sealed class CouncilRecusal
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public CouncilAgendaItem? Item { get; set; }
    public int MemberId { get; set; }
    public CouncilMember? Member { get; set; }
    public required string Reason { get; set; }
}

/// <summary>
/// That a member voted on an item, and how (in person / in writing): never what. No time. Rewritten in random order at closing.
/// </summary>
public sealed class CouncilParticipation
{
    public Guid Id { get; set; }
    public int ItemId { get; set; }
    public int MemberId { get; set; }
    public bool Written { get; set; }
    /// <summary>For a written ballot: the reference of the paper (số, ngày văn bản).</summary>
    public string? WrittenReference { get; set; }
}

/// <summary>A secret ballot on one item: the choice and reason with a random key; no member, no time, no order.</summary>
public sealed class CouncilBallot
{
    public Guid Id { get; set; }
    public int ItemId { get; set; }
    public CouncilChoice Choice { get; set; }
    public string? Reason { get; set; }
}

internal sealed class CouncilConfiguration : IEntityTypeConfiguration<Council>
{
    public void Configure(EntityTypeBuilder<Council> e)
    {
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.DecisionNumber).HasMaxLength(50);
        e.Property(x => x.DecisionText).HasMaxLength(1000);
        e.Property(x => x.QuorumSource).HasMaxLength(500);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Bloc).WithMany().HasForeignKey(x => x.BlocId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.AgencyId).IsUnique();
        e.HasIndex(x => x.BlocId).IsUnique();
    }
}

internal sealed class CouncilMemberConfiguration : IEntityTypeConfiguration<CouncilMember>
{
    public void Configure(EntityTypeBuilder<CouncilMember> e)
    {
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.FullName).HasMaxLength(200);
        e.Property(x => x.Position).HasMaxLength(200);
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        e.HasOne(x => x.Council).WithMany(c => c.Members).HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CouncilId, x.UserId });
        e.HasIndex(x => x.UserId);
    }
}

internal sealed class CouncilThresholdConfiguration : IEntityTypeConfiguration<CouncilThreshold>
{
    public void Configure(EntityTypeBuilder<CouncilThreshold> e)
    {
        e.Property(x => x.Code).HasMaxLength(20);
        e.Property(x => x.Percent).HasPrecision(5, 2);
        e.Property(x => x.Source).HasMaxLength(500);
        e.HasOne(x => x.Council).WithMany(c => c.Thresholds).HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CouncilId, x.Code }).IsUnique();
    }
}

internal sealed class CouncilSessionConfiguration : IEntityTypeConfiguration<CouncilSession>
{
    public void Configure(EntityTypeBuilder<CouncilSession> e)
    {
        e.Property(x => x.Place).HasMaxLength(200);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.ClosedHow).HasMaxLength(20);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Council).WithMany().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CouncilId, x.MeetingDate });
    }
}

internal sealed class CouncilAttendanceConfiguration : IEntityTypeConfiguration<CouncilAttendance>
{
    public void Configure(EntityTypeBuilder<CouncilAttendance> e)
    {
        e.HasOne(x => x.Session).WithMany(s => s.Attendance).HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SessionId, x.MemberId }).IsUnique();
    }
}

internal sealed class CouncilAgendaItemConfiguration : IEntityTypeConfiguration<CouncilAgendaItem>
{
    public void Configure(EntityTypeBuilder<CouncilAgendaItem> e)
    {
        e.HasOne(x => x.Session).WithMany(s => s.Items).HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Nomination).WithMany().HasForeignKey(x => x.NominationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SessionId, x.NominationId }).IsUnique();
        e.HasIndex(x => x.NominationId);
    }
}

internal sealed class CouncilRecusalConfiguration : IEntityTypeConfiguration<CouncilRecusal>
{
    public void Configure(EntityTypeBuilder<CouncilRecusal> e)
    {
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.HasOne(x => x.Item).WithMany(i => i.Recusals).HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ItemId, x.MemberId }).IsUnique();
    }
}

internal sealed class CouncilParticipationConfiguration : IEntityTypeConfiguration<CouncilParticipation>
{
    public void Configure(EntityTypeBuilder<CouncilParticipation> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.WrittenReference).HasMaxLength(300);
        e.HasOne<CouncilAgendaItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<CouncilMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        // One ballot per member per item, in person or in writing.
        e.HasIndex(x => new { x.ItemId, x.MemberId }).IsUnique();
    }
}

internal sealed class CouncilBallotConfiguration : IEntityTypeConfiguration<CouncilBallot>
{
    public void Configure(EntityTypeBuilder<CouncilBallot> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Choice).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.HasOne<CouncilAgendaItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ItemId);
    }
}
