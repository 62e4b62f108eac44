using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Registrations;

namespace ThiDua.Data;

public abstract partial class AppDbContext
{
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<RegistrationLine> RegistrationLines => Set<RegistrationLine>();
}
