namespace ThiDua.Tests.Decisions;

/// <summary>Rows of the access table (<see cref="Accounts.AccessTests"/>) for this feature's pages: who, url, expected ("ok", "denied", "login").</summary>
/// <remarks>Pages keyed by a decision or recipient id are checked in <see cref="DecisionPageTests"/>.</remarks>
public static class DecisionsAccessCases
{
    public static readonly (string Who, string Url, string Expected)[] Cases =
    [
        ("anonymous", "/Decisions", "login"),
        ("anonymous", "/Decisions/Edit?scope=bloc", "login"),
        ("canbo.btctw@thidua.vn", "/Decisions", "denied"),
        ("thuongtruc.khoi@thidua.vn", "/Decisions", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Decisions/Edit?scope=bloc", "ok"),
        ("admin@thidua.vn", "/Decisions/Edit?scope=bloc", "ok"),
        ("admin@thidua.vn", "/Decisions/Edit?agency={hvUnit}", "ok"),
        ("hoidong.btctw@thidua.vn", "/Decisions/Edit?agency={btUnit}", "ok"),
        ("hoidong.btctw@thidua.vn", "/Decisions/Edit?agency={hvUnit}", "denied"),
        ("hoidong.btctw@thidua.vn", "/Decisions/Edit?scope=bloc", "denied"),
        ("tdkt.btctw@thidua.vn", "/Decisions", "ok"),
        ("tdkt.btctw@thidua.vn", "/Decisions/Edit?agency={btUnit}", "denied"),
        ("lanhdao.btctw@thidua.vn", "/Decisions", "ok"),
        ("lanhdao.btctw@thidua.vn", "/Decisions/Edit?agency={btUnit}", "denied"),
        ("thanhvien.btctw@thidua.vn", "/Decisions", "ok"),
        ("tdkt.hvctqg@thidua.vn", "/Decisions", "ok"),
        ("tdkt.hvctqg@thidua.vn", "/Decisions/Edit?agency={btUnit}", "denied"),
    ];
}
