using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Models;

namespace ThiDua.Data;

public abstract partial class AppDbContext
{
    public DbSet<ExemplaryModel> ExemplaryModels => Set<ExemplaryModel>();
    public DbSet<ModelStageEntry> ModelStageEntries => Set<ModelStageEntry>();
    public DbSet<ModelMovement> ModelMovements => Set<ModelMovement>();
}
