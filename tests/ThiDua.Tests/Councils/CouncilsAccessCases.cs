namespace ThiDua.Tests.Councils;

/// <summary>Rows of the access table (<see cref="Accounts.AccessTests"/>) for the councils' pages: who, url, expected ("ok", "denied", "login").</summary>
/// <remarks>Pages keyed by a council or session id are checked in <see cref="CouncilPageTests"/>.</remarks>
public static class CouncilsAccessCases
{
    public static readonly (string Who, string Url, string Expected)[] Cases =
    [
        ("anonymous", "/Councils", "login"),
        ("canbo.btctw@thidua.vn", "/Councils", "denied"),
        ("canbo.hvctqg@thidua.vn", "/Councils", "denied"),
        ("admin@thidua.vn", "/Councils", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Councils", "ok"),
        ("hoidong.btctw@thidua.vn", "/Councils", "ok"),
        ("tdkt.btctw@thidua.vn", "/Councils", "ok"),
        ("thanhvien.btctw@thidua.vn", "/Councils", "ok"),
        ("lanhdao.btctw@thidua.vn", "/Councils", "ok"),
        ("tdkt.hvctqg@thidua.vn", "/Councils", "ok"),
    ];
}
