using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Features.Blocs;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Scoring;

public enum SheetState
{
    /// <summary>Dự thảo: the secretariat edits it freely.</summary>
    Draft,
    /// <summary>Đã áp dụng: frozen; every member has a card; changes need a reason.</summary>
    Applied,
    /// <summary>Đã khóa: after the summary conference nothing changes.</summary>
    Closed,
}

public enum GroupKind
{
    /// <summary>Nhóm tiêu chí thường (regular criteria).</summary>
    Regular,
    /// <summary>Điểm thưởng (added).</summary>
    Bonus,
    /// <summary>Điểm trừ (entered as points to subtract).</summary>
    Penalty,
}

public enum TieBreak
{
    /// <summary>Tổng điểm các tiêu chí thường cao hơn.</summary>
    HigherRegular,
    /// <summary>Ít điểm trừ hơn.</summary>
    FewerPenalty,
    /// <summary>Điểm thưởng cao hơn.</summary>
    HigherBonus,
}

public enum CardState
{
    /// <summary>Đang tự chấm.</summary>
    SelfScoring,
    /// <summary>Đã nộp tự chấm; đang kiểm tra chéo.</summary>
    Submitted,
    /// <summary>Đơn vị kiểm tra chéo đã gửi đề xuất.</summary>
    Checked,
}

public enum FinalSource
{
    Self,
    Peer,
    Override,
}

/// <summary>Bảng tiêu chí chấm điểm của khối trong một năm.</summary>
public sealed class ScoreSheet : IVersioned
{
    public int Id { get; set; }
    public int BlocId { get; set; }
    public EmulationBloc? Bloc { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public SheetState State { get; set; }
    /// <summary>Hạn tự chấm (last day, Vietnam time).</summary>
    public DateOnly SelfScoreDeadline { get; set; }
    /// <summary>Tie-break rules in order, as invariant names joined by ",".</summary>
    public string TieBreaks { get; set; } = ScoreRanking.DefaultTieBreaks;
    public string TieBreakSource { get; set; } = ScoreRanking.DefaultSource;
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? AppliedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
    public int Version { get; set; }
    public List<ScoreGroup> Groups { get; set; } = [];

    public IReadOnlyList<TieBreak> TieBreakList => ScoreRanking.ParseTieBreaks(TieBreaks);
}

public sealed class ScoreGroup
{
    public int Id { get; set; }
    public int SheetId { get; set; }
    public ScoreSheet? Sheet { get; set; }
    public int Order { get; set; }
    public required string Name { get; set; }
    public GroupKind Kind { get; set; }
    public decimal MaxPoints { get; set; }
    public List<ScoreCriterion> Criteria { get; set; } = [];
}

public sealed class ScoreCriterion
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public ScoreGroup? Group { get; set; }
    public int Order { get; set; }
    public required string Name { get; set; }
    public decimal MaxPoints { get; set; }
    public bool EvidenceRequired { get; set; }
}

/// <summary>Phiếu chấm điểm của một đơn vị thành viên.</summary>
public sealed class ScoreCard : IVersioned
{
    public int Id { get; set; }
    public int SheetId { get; set; }
    public ScoreSheet? Sheet { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public CardState State { get; set; }
    /// <summary>The member agency that cross-checks this card.</summary>
    public int? ReviewerUnitId { get; set; }
    public Unit? ReviewerUnit { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    public DateTime? CheckedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    /// <summary>Set when the ranking is published.</summary>
    public int? Rank { get; set; }
    public decimal? Total { get; set; }
    public int Version { get; set; }
    public List<ScoreEntry> Entries { get; set; } = [];
}

public sealed class ScoreEntry
{
    public int Id { get; set; }
    public int CardId { get; set; }
    public ScoreCard? Card { get; set; }
    public int CriterionId { get; set; }
    public ScoreCriterion? Criterion { get; set; }
    public decimal? SelfPoints { get; set; }
    public string? Evidence { get; set; }
    public string? EvidenceStoredName { get; set; }
    public string? EvidenceFileName { get; set; }
    public DocumentKind? EvidenceKind { get; set; }
    public long? EvidenceLength { get; set; }
    public decimal? PeerPoints { get; set; }
    public string? PeerComment { get; set; }
    public decimal? FinalPoints { get; set; }
    public FinalSource? FinalSource { get; set; }
    public string? OverrideReason { get; set; }
}

public sealed class ScoringConfiguration :
    IEntityTypeConfiguration<ScoreSheet>, IEntityTypeConfiguration<ScoreGroup>, IEntityTypeConfiguration<ScoreCriterion>,
    IEntityTypeConfiguration<ScoreCard>, IEntityTypeConfiguration<ScoreEntry>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> e)
    {
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.TieBreaks).HasMaxLength(200);
        e.Property(x => x.TieBreakSource).HasMaxLength(300);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Bloc).WithMany().HasForeignKey(x => x.BlocId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.BlocId, x.Year }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ScoreGroup> e)
    {
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.MaxPoints).HasPrecision(7, 1);
        e.HasOne(x => x.Sheet).WithMany(s => s.Groups).HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.SheetId, x.Order });
    }

    public void Configure(EntityTypeBuilder<ScoreCriterion> e)
    {
        e.Property(x => x.Name).HasMaxLength(500);
        e.Property(x => x.MaxPoints).HasPrecision(7, 1);
        e.HasOne(x => x.Group).WithMany(g => g.Criteria).HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.GroupId, x.Order });
    }

    public void Configure(EntityTypeBuilder<ScoreCard> e)
    {
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Total).HasPrecision(8, 1);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Sheet).WithMany().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.ReviewerUnit).WithMany().HasForeignKey(x => x.ReviewerUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SheetId, x.UnitId }).IsUnique();
        e.HasIndex(x => new { x.SheetId, x.ReviewerUnitId });
    }

    public void Configure(EntityTypeBuilder<ScoreEntry> e)
    {
        e.Property(x => x.SelfPoints).HasPrecision(7, 1);
        e.Property(x => x.PeerPoints).HasPrecision(7, 1);
        e.Property(x => x.FinalPoints).HasPrecision(7, 1);
        e.Property(x => x.Evidence).HasMaxLength(2000);
        e.Property(x => x.EvidenceStoredName).HasMaxLength(100);
        e.Property(x => x.EvidenceFileName).HasMaxLength(260);
        e.Property(x => x.EvidenceKind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.PeerComment).HasMaxLength(1000);
        e.Property(x => x.FinalSource).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.OverrideReason).HasMaxLength(1000);
        e.HasOne(x => x.Card).WithMany(c => c.Entries).HasForeignKey(x => x.CardId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Criterion).WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CardId, x.CriterionId }).IsUnique();
    }
}
