namespace ThiDua.Tests.Movements;

/// <summary>Rows of the access table (<see cref="Accounts.AccessTests"/>) for this feature's pages: who, url, expected ("ok", "denied", "login").</summary>
/// <remarks>Pages keyed by a movement's or contest's id are checked in <see cref="MovementAccessTests"/>.</remarks>
public static class MovementsAccessCases
{
    public static readonly (string Who, string Url, string Expected)[] Cases =
    [
        ("anonymous", "/Movements", "login"),
        ("anonymous", "/Movements/Directives", "login"),
        ("canbo.btctw@thidua.vn", "/Movements", "denied"),
        ("canbo.btctw@thidua.vn", "/Movements/Directives", "denied"),
        ("tdkt.btctw@thidua.vn", "/Movements", "ok"),
        ("tdkt.btctw@thidua.vn", "/Movements?year=2019", "ok"),
        ("tdkt.btctw@thidua.vn", "/Movements/Edit", "ok"),
        ("tdkt.btctw@thidua.vn", "/Movements/Directives", "ok"),
        ("tdkt.btctw@thidua.vn", "/Movements/Directives/Edit", "denied"),
        ("thanhvien.btctw@thidua.vn", "/Movements", "ok"),
        ("thanhvien.btctw@thidua.vn", "/Movements/Edit", "denied"),
        ("lanhdao.btctw@thidua.vn", "/Movements/Directives", "ok"),
        ("lanhdao.btctw@thidua.vn", "/Movements/Edit", "denied"),
        ("hoidong.btctw@thidua.vn", "/Movements/Edit", "ok"),
        ("tdkt.hvctqg@thidua.vn", "/Movements", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Movements", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Movements/Edit", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Movements/Directives/Edit", "ok"),
        ("admin@thidua.vn", "/Movements/Directives/Edit", "ok"),
    ];
}
