using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Councils;

namespace ThiDua.Data;

public abstract partial class AppDbContext
{
    public DbSet<Council> Councils => Set<Council>();
    public DbSet<CouncilMember> CouncilMembers => Set<CouncilMember>();
    public DbSet<CouncilThreshold> CouncilThresholds => Set<CouncilThreshold>();
    public DbSet<CouncilSession> CouncilSessions => Set<CouncilSession>();
    public DbSet<CouncilAttendance> CouncilAttendances => Set<CouncilAttendance>();
    public DbSet<CouncilAgendaItem> CouncilAgendaItems => Set<CouncilAgendaItem>();
    public DbSet<CouncilRecusal> CouncilRecusals => Set<CouncilRecusal>();
    public DbSet<CouncilParticipation> CouncilParticipations => Set<CouncilParticipation>();
    public DbSet<CouncilBallot> CouncilBallots => Set<CouncilBallot>();
}
