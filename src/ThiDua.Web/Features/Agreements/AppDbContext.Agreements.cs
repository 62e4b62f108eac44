using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Agreements;

namespace ThiDua.Data;

public abstract partial class AppDbContext
{
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementSignatory> AgreementSignatories => Set<AgreementSignatory>();
}
