using Microsoft.AspNetCore.Identity;
using ThiDua.Features.Units;

namespace ThiDua.Features.Accounts;

/// <summary>An account. Every account belongs to a unit; what it may see is decided by role and unit together.</summary>
public sealed class AppUser : IdentityUser
{
    public required string FullName { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>The staff record this account may read as "my record".</summary>
    public int? PersonId { get; set; }
    public bool IsActive { get; set; } = true;
}

public static class Roles
{
    public const string Admin = "Admin";
    /// <summary>Thường trực khối: the bloc's secretariat.</summary>
    public const string BlocSecretariat = "BlocSecretariat";
    /// <summary>Thường trực Hội đồng TĐKT of a unit.</summary>
    public const string CouncilSecretariat = "CouncilSecretariat";
    /// <summary>Cán bộ làm công tác thi đua, khen thưởng.</summary>
    public const string EmulationOfficer = "EmulationOfficer";
    public const string CouncilMember = "CouncilMember";
    /// <summary>Lãnh đạo ký quyết định.</summary>
    public const string Leader = "Leader";
    public const string Staff = "Staff";

    public static readonly string[] All = [Admin, BlocSecretariat, CouncilSecretariat, EmulationOfficer, CouncilMember, Leader, Staff];

    /// <summary>Roles that read the registry of their units (staff read only their own record).</summary>
    public const string RegistryReaders = $"{Admin},{BlocSecretariat},{CouncilSecretariat},{EmulationOfficer},{CouncilMember},{Leader}";

    /// <summary>Roles that change the registry of their units.</summary>
    public const string RegistryEditors = $"{Admin},{BlocSecretariat},{CouncilSecretariat},{EmulationOfficer}";

    /// <summary>Roles whose reach is every unit rather than their own agency.</summary>
    public static bool SeesAllUnits(IEnumerable<string> roles) => roles.Any(r => r is Admin or BlocSecretariat);

    public static string Name(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        BlocSecretariat => "Thường trực khối",
        CouncilSecretariat => "Thường trực Hội đồng TĐKT",
        EmulationOfficer => "Cán bộ TĐKT",
        CouncilMember => "Thành viên Hội đồng",
        Leader => "Lãnh đạo ký duyệt",
        Staff => "Cán bộ, công chức",
        _ => role,
    };

    public static string EnglishName(string role) => role switch
    {
        Admin => "System administrator",
        BlocSecretariat => "Bloc secretariat",
        CouncilSecretariat => "Council secretariat",
        EmulationOfficer => "Emulation officer",
        CouncilMember => "Council member",
        Leader => "Signing leader",
        Staff => "Staff member",
        _ => role,
    };
}
