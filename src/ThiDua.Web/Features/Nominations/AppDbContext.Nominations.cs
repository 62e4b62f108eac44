using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Nominations;

namespace ThiDua.Data;

public abstract partial class AppDbContext
{
    public DbSet<Nomination> Nominations => Set<Nomination>();
    public DbSet<NominationTransition> NominationTransitions => Set<NominationTransition>();
    public DbSet<DossierDocument> DossierDocuments => Set<DossierDocument>();
    public DbSet<PublicCommentRecord> PublicComments => Set<PublicCommentRecord>();
}
