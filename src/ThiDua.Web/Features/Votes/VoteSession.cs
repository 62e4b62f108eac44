using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Features.Awards;
using ThiDua.Features.Blocs;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Votes;

public enum VoteState
{
    /// <summary>Dự thảo: questions, candidates and delegates may still change.</summary>
    Draft,
    /// <summary>Đang bỏ phiếu: ballot tokens issued, delegates cast.</summary>
    Open,
    /// <summary>Đã kết thúc: ballots counted, proposals recorded.</summary>
    Closed,
}

/// <summary>What the share of votes a candidate needs is counted over.</summary>
public enum ThresholdBase
{
    /// <summary>Số đại biểu có mặt (ballots cast, valid or not).</summary>
    Present,
    /// <summary>Số phiếu hợp lệ của câu hỏi.</summary>
    Valid,
}

/// <summary>
/// A secret ballot at the bloc's summary conference (bỏ phiếu kín suy tôn): per form of commendation a question with
/// ordered candidate units and a number of places; delegates of the member units cast with one-time tokens.
/// </summary>
public sealed class VoteSession : IVersioned
{
    public int Id { get; set; }
    public int BlocId { get; set; }
    public EmulationBloc? Bloc { get; set; }
    /// <summary>The emulation year reviewed (the conference itself is usually early the next year).</summary>
    public int Year { get; set; }
    public required string Title { get; set; }
    public DateOnly MeetingDate { get; set; }
    public required string Place { get; set; }
    /// <summary>The vote-counting board (ban kiểm phiếu), one member a line, the head first: they sign the minutes.</summary>
    public string? CountingBoard { get; set; }
    public VoteState State { get; set; }
    public int Version { get; set; }
    public List<VoteQuestion> Questions { get; set; } = [];
    public List<VoteDelegate> Delegates { get; set; } = [];

    public static string StateName(VoteState s) => s switch
    {
        VoteState.Draft => "Dự thảo",
        VoteState.Open => "Đang bỏ phiếu",
        _ => "Đã kết thúc",
    };
}

/// <summary>One form of commendation put to the vote: the candidates in order, how many may be chosen, quorum and threshold with their basis.</summary>
public sealed class VoteQuestion
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public VoteSession? Session { get; set; }
    /// <summary>CO_CP, BK_TTG or BK_BO.</summary>
    public required string AwardCode { get; set; }
    public int Places { get; set; }
    /// <summary>Quorum: more than this share (%) of the delegates issued a ballot must cast one.</summary>
    public decimal QuorumPercent { get; set; }
    /// <summary>Elected with more than this share (%) of <see cref="ThresholdOf"/>.</summary>
    public decimal ThresholdPercent { get; set; }
    public ThresholdBase ThresholdOf { get; set; }
    /// <summary>Where quorum and threshold come from (căn cứ), recorded with the question.</summary>
    public required string LegalBasis { get; set; }
    public List<VoteCandidate> Candidates { get; set; } = [];
}

public sealed class VoteCandidate
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public VoteQuestion? Question { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>1-based place in the list put to the conference (e.g. the published ranking).</summary>
    public int Order { get; set; }
}

/// <summary>A member unit's delegate. The ballot token is kept only as a hash, and dropped at closing; the delegate row never points to a ballot.</summary>
public sealed class VoteDelegate
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public VoteSession? Session { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string FullName { get; set; }
    public string? Position { get; set; }
    /// <summary>SHA-256 of the token (hex); null before opening and after closing.</summary>
    public string? TokenHash { get; set; }
    /// <summary>The token was used (cast, or recorded as a spoiled paper ballot). No time is kept.</summary>
    public bool Used { get; set; }
}

/// <summary>
/// A cast ballot: a random key, the session, nothing else. No voter, no time, no sequence; at closing every ballot
/// of the session is rewritten in random order (see <see cref="VoteService.CloseAsync"/>).
/// </summary>
public sealed class Ballot
{
    public Guid Id { get; set; }
    public int SessionId { get; set; }
    /// <summary>A paper ballot the secretariat recorded as spoiled (phiếu hỏng): invalid for every question.</summary>
    public bool Spoiled { get; set; }
    public List<BallotMark> Marks { get; set; } = [];
}

/// <summary>One tick on a ballot: a candidate (of one question) chosen.</summary>
public sealed class BallotMark
{
    public Guid Id { get; set; }
    public Guid BallotId { get; set; }
    public int CandidateId { get; set; }
}

/// <summary>The proposal (AwardRecord, Status Proposed) a closed session produced for an elected candidate.</summary>
public sealed class VoteProposal
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int QuestionId { get; set; }
    public int AwardId { get; set; }
    public AwardRecord? Award { get; set; }
}

internal sealed class VoteSessionConfiguration : IEntityTypeConfiguration<VoteSession>
{
    public void Configure(EntityTypeBuilder<VoteSession> e)
    {
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Place).HasMaxLength(200);
        e.Property(x => x.CountingBoard).HasMaxLength(1000);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Bloc).WithMany().HasForeignKey(x => x.BlocId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.BlocId, x.Year });
    }
}

internal sealed class VoteQuestionConfiguration : IEntityTypeConfiguration<VoteQuestion>
{
    public void Configure(EntityTypeBuilder<VoteQuestion> e)
    {
        e.Property(x => x.AwardCode).HasMaxLength(20);
        e.Property(x => x.QuorumPercent).HasPrecision(5, 2);
        e.Property(x => x.ThresholdPercent).HasPrecision(5, 2);
        e.Property(x => x.ThresholdOf).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.LegalBasis).HasMaxLength(1000);
        e.HasOne(x => x.Session).WithMany(s => s.Questions).HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.SessionId, x.AwardCode }).IsUnique();
    }
}

internal sealed class VoteCandidateConfiguration : IEntityTypeConfiguration<VoteCandidate>
{
    public void Configure(EntityTypeBuilder<VoteCandidate> e)
    {
        e.HasOne(x => x.Question).WithMany(q => q.Candidates).HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.QuestionId, x.UnitId }).IsUnique();
    }
}

internal sealed class VoteDelegateConfiguration : IEntityTypeConfiguration<VoteDelegate>
{
    public void Configure(EntityTypeBuilder<VoteDelegate> e)
    {
        e.Property(x => x.FullName).HasMaxLength(200);
        e.Property(x => x.Position).HasMaxLength(200);
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.HasOne(x => x.Session).WithMany(s => s.Delegates).HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => x.SessionId);
    }
}

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasOne<VoteSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Marks).WithOne().HasForeignKey(m => m.BallotId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.SessionId);
    }
}

internal sealed class BallotMarkConfiguration : IEntityTypeConfiguration<BallotMark>
{
    public void Configure(EntityTypeBuilder<BallotMark> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasOne<VoteCandidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.CandidateId);
    }
}

internal sealed class VoteProposalConfiguration : IEntityTypeConfiguration<VoteProposal>
{
    public void Configure(EntityTypeBuilder<VoteProposal> e)
    {
        e.HasOne<VoteSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<VoteQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Award).WithMany().HasForeignKey(x => x.AwardId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.SessionId);
        e.HasIndex(x => x.AwardId).IsUnique();
    }
}
