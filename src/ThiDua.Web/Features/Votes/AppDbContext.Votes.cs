using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Votes;

namespace ThiDua.Data;

public abstract partial class AppDbContext
{
    public DbSet<VoteSession> VoteSessions => Set<VoteSession>();
    public DbSet<VoteQuestion> VoteQuestions => Set<VoteQuestion>();
    public DbSet<VoteCandidate> VoteCandidates => Set<VoteCandidate>();
    public DbSet<VoteDelegate> VoteDelegates => Set<VoteDelegate>();
    public DbSet<Ballot> Ballots => Set<Ballot>();
    public DbSet<BallotMark> BallotMarks => Set<BallotMark>();
    public DbSet<VoteProposal> VoteProposals => Set<VoteProposal>();
}
