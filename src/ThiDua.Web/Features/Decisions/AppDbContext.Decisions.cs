using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Decisions;

namespace ThiDua.Data;

public abstract partial class AppDbContext
{
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<DecisionRecipient> DecisionRecipients => Set<DecisionRecipient>();
}
