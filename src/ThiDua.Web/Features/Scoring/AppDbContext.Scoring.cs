using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Scoring;

namespace ThiDua.Data;

public abstract partial class AppDbContext
{
    public DbSet<ScoreSheet> ScoreSheets => Set<ScoreSheet>();
    public DbSet<ScoreGroup> ScoreGroups => Set<ScoreGroup>();
    public DbSet<ScoreCriterion> ScoreCriteria => Set<ScoreCriterion>();
    public DbSet<ScoreCard> ScoreCards => Set<ScoreCard>();
    public DbSet<ScoreEntry> ScoreEntries => Set<ScoreEntry>();
}
