using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Calendar;

namespace ThiDua.Data;

public abstract partial class AppDbContext
{
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
}
