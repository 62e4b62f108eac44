namespace ThiDua.Features.Movements;

/// <summary>Vietnamese (and English) names of the movement's categories, as pages and audit entries show them.</summary>
public static class MovementLabels
{
    public static string Kind(MovementKind k, bool en = false) => k switch
    {
        MovementKind.Regular => en ? "Regular (yearly)" : "Thường xuyên",
        _ => en ? "Thematic" : "Chuyên đề",
    };

    public static string State(MovementState s, bool en = false) => s switch
    {
        MovementState.Draft => en ? "Draft" : "Dự thảo",
        MovementState.Launched => en ? "Launched" : "Đã phát động",
        _ => en ? "Ended" : "Đã kết thúc",
    };

    public static string Scope(MovementScope s, bool en = false) => s switch
    {
        MovementScope.National => en ? "Nationwide" : "Toàn quốc",
        MovementScope.SectorOrLocality => en ? "Ministry, sector or locality" : "Bộ, ngành, địa phương",
        _ => en ? "Agency or unit" : "Cơ quan, đơn vị",
    };

    public static string Duration(MovementDuration d, bool en = false) => d switch
    {
        MovementDuration.Regular => en ? "Regular" : "Thường xuyên",
        MovementDuration.UnderOneYear => en ? "Under 1 year" : "Dưới 1 năm",
        MovementDuration.OneToFiveYears => en ? "1 to 5 years" : "Từ 1 đến 5 năm",
        _ => en ? "Over 5 years" : "Trên 5 năm",
    };

    public static string Method(MovementMethod m, bool en = false) => m switch
    {
        MovementMethod.NewLaunch => en ? "Newly launched" : "Phát động mới",
        _ => en ? "In response" : "Hưởng ứng",
    };

    public static string Funding(MovementFunding f, bool en = false) => f switch
    {
        MovementFunding.StateBudget => en ? "State budget" : "Ngân sách nhà nước",
        MovementFunding.EmulationFund => en ? "Emulation and commendation fund" : "Quỹ thi đua, khen thưởng",
        _ => en ? "The unit's own funds" : "Kinh phí của đơn vị",
    };

    public static string ParticipantKind(ParticipantKind k, bool en = false) => k == Movements.ParticipantKind.People
        ? (en ? "People" : "Cá nhân")
        : (en ? "Units" : "Tập thể (đơn vị)");
}
