using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Notifications;

namespace ThiDua.Data;

public abstract partial class AppDbContext
{
    public DbSet<Notification> Notifications => Set<Notification>();
}
