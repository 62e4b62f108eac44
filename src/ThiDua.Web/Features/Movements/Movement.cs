using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Features.Blocs;
using ThiDua.Features.People;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Movements;

/// <summary>A directive (chỉ thị) of the Party that movements implement, with its text as a PDF.</summary>
public sealed class Directive : IVersioned
{
    public int Id { get; set; }
    /// <summary>e.g. "34-CT/TW".</summary>
    public required string Number { get; set; }
    public DateOnly IssuedOn { get; set; }
    /// <summary>e.g. "Ban Bí thư", "Bộ Chính trị".</summary>
    public required string Issuer { get; set; }
    public required string Title { get; set; }
    public string? FileStoredName { get; set; }
    public string? FileName { get; set; }
    public long? FileLength { get; set; }
    public int Version { get; set; }
}

public enum MovementKind
{
    /// <summary>Thường xuyên: the yearly movement.</summary>
    Regular,
    /// <summary>Chuyên đề: with its own start and end dates.</summary>
    Thematic,
}

public enum MovementState
{
    Draft,
    Launched,
    Ended,
}

// The yearly statistical report on emulation movements of Thông tư 02/2023/TT-BNV (biểu 0601.N/BNV-TĐKT) counts
// movements by scope, duration and method. The exact row headings of the form could not be verified while this was
// written (no copy of the circular's annex at hand), so these are small enums of the categories as they are commonly
// reported; check them against the annex and extend them if the form has more rows (docs/decisions/0010).

/// <summary>Phạm vi phát động (biểu 0601.N, Thông tư 02/2023/TT-BNV — categories not verified against the annex).</summary>
public enum MovementScope
{
    National,
    SectorOrLocality,
    AgencyOrUnit,
}

/// <summary>Thời gian thực hiện (biểu 0601.N, Thông tư 02/2023/TT-BNV — categories not verified against the annex).</summary>
public enum MovementDuration
{
    Regular,
    UnderOneYear,
    OneToFiveYears,
    OverFiveYears,
}

/// <summary>Hình thức tổ chức (biểu 0601.N, Thông tư 02/2023/TT-BNV — categories not verified against the annex).</summary>
public enum MovementMethod
{
    NewLaunch,
    Response,
}

/// <summary>Nguồn kinh phí khen thưởng của phong trào.</summary>
public enum MovementFunding
{
    StateBudget,
    EmulationFund,
    UnitFunds,
}

/// <summary>
/// A phong trào thi đua: launched by the bloc (<see cref="BlocId"/>), by one agency (<see cref="LaunchedByUnitId"/>),
/// or, when <see cref="IsNational"/>, by an outside authority the bloc responds to (<see cref="NationalAuthority"/>).
/// </summary>
public sealed class Movement : IVersioned
{
    public int Id { get; set; }
    public int Year { get; set; }
    public MovementKind Kind { get; set; }
    /// <summary>Tên / chủ đề.</summary>
    public required string Theme { get; set; }
    public string? Content { get; set; }
    public string? Criteria { get; set; }
    public DateOnly? StartDate { get; set; }
    /// <summary>The end of a thematic movement, or the deadline of a regular one (the end of its year when empty).</summary>
    public DateOnly? EndDate { get; set; }
    public int? BlocId { get; set; }
    public EmulationBloc? Bloc { get; set; }
    public int? LaunchedByUnitId { get; set; }
    public Unit? LaunchedByUnit { get; set; }
    public bool IsNational { get; set; }
    public string? NationalAuthority { get; set; }
    public MovementScope Scope { get; set; }
    public MovementDuration Duration { get; set; }
    public MovementMethod Method { get; set; }
    public MovementFunding Funding { get; set; }
    public MovementState State { get; set; }
    public DateTime? LaunchedAtUtc { get; set; }
    public DateTime? EndedAtUtc { get; set; }
    public int? ClonedFromId { get; set; }
    public int Version { get; set; }
    public List<MovementDirective> Directives { get; set; } = [];
    public List<MovementTarget> Targets { get; set; } = [];
}

public sealed class MovementDirective
{
    public int MovementId { get; set; }
    public int DirectiveId { get; set; }
    public Directive? Directive { get; set; }
}

public sealed class MovementTarget
{
    public int MovementId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
}

/// <summary>One member agency's part in a national movement for one year; its officer fills it.</summary>
public sealed class NationalParticipation : IVersioned
{
    public int Id { get; set; }
    public int MovementId { get; set; }
    public Movement? Movement { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int Year { get; set; }
    public bool Participating { get; set; }
    public string? Activities { get; set; }
    public string? Result { get; set; }
    /// <summary>Đóng góp (đồng), when there is one.</summary>
    public decimal? AmountVnd { get; set; }
    public int Version { get; set; }
}

public enum ParticipantKind
{
    People,
    Units,
}

/// <summary>A hội thi inside a movement.</summary>
public sealed class Contest : IVersioned
{
    public int Id { get; set; }
    public int MovementId { get; set; }
    public Movement? Movement { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public ParticipantKind ParticipantKind { get; set; }
    public int Version { get; set; }
    public List<ContestParticipant> Participants { get; set; } = [];
    public List<ContestRound> Rounds { get; set; } = [];
}

public sealed class ContestParticipant
{
    public int Id { get; set; }
    public int ContestId { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The unit taking part, or for a person their unit when they were added.</summary>
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
}

public sealed class ContestRound
{
    public int Id { get; set; }
    public int ContestId { get; set; }
    public int Order { get; set; }
    public required string Name { get; set; }
    public DateOnly? HeldOn { get; set; }
}

public sealed class ContestResult
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int ParticipantId { get; set; }
    public decimal? Score { get; set; }
    public int? Rank { get; set; }
    public string? Prize { get; set; }
}

public sealed class DirectiveConfiguration : IEntityTypeConfiguration<Directive>
{
    public void Configure(EntityTypeBuilder<Directive> e)
    {
        e.Property(x => x.Number).HasMaxLength(50);
        e.Property(x => x.Issuer).HasMaxLength(200);
        e.Property(x => x.Title).HasMaxLength(500);
        e.Property(x => x.FileStoredName).HasMaxLength(100);
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.Number).IsUnique();
        e.HasIndex(x => x.IssuedOn);
    }
}

public sealed class MovementConfiguration : IEntityTypeConfiguration<Movement>
{
    public void Configure(EntityTypeBuilder<Movement> e)
    {
        e.Property(x => x.Theme).HasMaxLength(500);
        e.Property(x => x.Content).HasMaxLength(4000);
        e.Property(x => x.Criteria).HasMaxLength(4000);
        e.Property(x => x.NationalAuthority).HasMaxLength(300);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Scope).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Duration).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Method).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Funding).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Bloc).WithMany().HasForeignKey(x => x.BlocId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.LaunchedByUnit).WithMany().HasForeignKey(x => x.LaunchedByUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Movement>().WithMany().HasForeignKey(x => x.ClonedFromId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Directives).WithOne().HasForeignKey(x => x.MovementId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Targets).WithOne().HasForeignKey(x => x.MovementId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.Year, x.State });
        e.HasIndex(x => new { x.LaunchedByUnitId, x.Year });
        e.HasIndex(x => new { x.IsNational, x.Year });
    }
}

public sealed class MovementDirectiveConfiguration : IEntityTypeConfiguration<MovementDirective>
{
    public void Configure(EntityTypeBuilder<MovementDirective> e)
    {
        e.HasKey(x => new { x.MovementId, x.DirectiveId });
        e.HasOne(x => x.Directive).WithMany().HasForeignKey(x => x.DirectiveId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.DirectiveId);
    }
}

public sealed class MovementTargetConfiguration : IEntityTypeConfiguration<MovementTarget>
{
    public void Configure(EntityTypeBuilder<MovementTarget> e)
    {
        e.HasKey(x => new { x.MovementId, x.UnitId });
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.UnitId);
    }
}

public sealed class NationalParticipationConfiguration : IEntityTypeConfiguration<NationalParticipation>
{
    public void Configure(EntityTypeBuilder<NationalParticipation> e)
    {
        e.Property(x => x.Activities).HasMaxLength(2000);
        e.Property(x => x.Result).HasMaxLength(2000);
        e.Property(x => x.AmountVnd).HasPrecision(18, 0);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Movement).WithMany().HasForeignKey(x => x.MovementId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.MovementId, x.Year, x.UnitId }).IsUnique();
        e.HasIndex(x => x.UnitId);
    }
}

public sealed class ContestConfiguration : IEntityTypeConfiguration<Contest>
{
    public void Configure(EntityTypeBuilder<Contest> e)
    {
        e.Property(x => x.Name).HasMaxLength(500);
        e.Property(x => x.Description).HasMaxLength(4000);
        e.Property(x => x.ParticipantKind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Movement).WithMany().HasForeignKey(x => x.MovementId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.ContestId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Rounds).WithOne().HasForeignKey(x => x.ContestId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.MovementId);
    }
}

public sealed class ContestParticipantConfiguration : IEntityTypeConfiguration<ContestParticipant>
{
    public void Configure(EntityTypeBuilder<ContestParticipant> e)
    {
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ContestId, x.PersonId, x.UnitId }).IsUnique();
        e.HasIndex(x => x.PersonId);
        e.HasIndex(x => x.UnitId);
    }
}

public sealed class ContestRoundConfiguration : IEntityTypeConfiguration<ContestRound>
{
    public void Configure(EntityTypeBuilder<ContestRound> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => new { x.ContestId, x.Order });
    }
}

public sealed class ContestResultConfiguration : IEntityTypeConfiguration<ContestResult>
{
    public void Configure(EntityTypeBuilder<ContestResult> e)
    {
        e.Property(x => x.Score).HasPrecision(7, 2);
        e.Property(x => x.Prize).HasMaxLength(200);
        e.HasOne<ContestRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ContestParticipant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.RoundId, x.ParticipantId }).IsUnique();
        e.HasIndex(x => x.ParticipantId);
    }
}
