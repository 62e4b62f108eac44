using ThiDua.Infrastructure;
using ThiDua.Features.Units;

namespace ThiDua.Features.Blocs;

/// <summary>Khối thi đua: agencies that compete and are scored together each year.</summary>
public sealed class EmulationBloc : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public required string Code { get; set; }
    public string? Description { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>
    /// The bloc's own cap on emulation flags as a share of its members (a bloc regulation, not the law:
    /// Luật 2022 Điều 25 sets no share); null when the bloc sets none.
    /// </summary>
    public int? FlagSharePercent { get; set; }
    public int Version { get; set; }
    public List<BlocMembership> Members { get; set; } = [];
    public List<BlocLeadership> Leaders { get; set; } = [];
}

public sealed class BlocMembership
{
    public int Id { get; set; }
    public int BlocId { get; set; }
    public EmulationBloc? Bloc { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int FromYear { get; set; }
    public int? ToYear { get; set; }

    public bool CoversYear(int year) => FromYear <= year && (ToYear is null || ToYear >= year);
}

public enum BlocRole
{
    /// <summary>Khối trưởng.</summary>
    Leader,
    /// <summary>Khối phó.</summary>
    Deputy,
}

/// <summary>The bloc leader and deputies for one year; they rotate at each annual summary conference.</summary>
public sealed class BlocLeadership
{
    public int Id { get; set; }
    public int BlocId { get; set; }
    public EmulationBloc? Bloc { get; set; }
    public int Year { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public BlocRole Role { get; set; }

    public static string RoleName(BlocRole r) => r == BlocRole.Leader ? "Khối trưởng" : "Khối phó";
}
