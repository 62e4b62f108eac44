using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Movements;

namespace ThiDua.Data;

public abstract partial class AppDbContext
{
    public DbSet<Directive> Directives => Set<Directive>();
    public DbSet<Movement> Movements => Set<Movement>();
    public DbSet<MovementDirective> MovementDirectives => Set<MovementDirective>();
    public DbSet<MovementTarget> MovementTargets => Set<MovementTarget>();
    public DbSet<NationalParticipation> NationalParticipations => Set<NationalParticipation>();
    public DbSet<Contest> Contests => Set<Contest>();
    public DbSet<ContestParticipant> ContestParticipants => Set<ContestParticipant>();
    public DbSet<ContestRound> ContestRounds => Set<ContestRound>();
    public DbSet<ContestResult> ContestResults => Set<ContestResult>();
}
