namespace ThiDua.Tests.Agreements;

/// <summary>Rows of the access table (<see cref="Accounts.AccessTests"/>) for this feature's pages: who, url, expected ("ok", "denied", "login").</summary>
/// <remarks>Pages keyed by an agreement's id are checked in <see cref="AgreementAccessTests"/>.</remarks>
public static class AgreementsAccessCases
{
    public static readonly (string Who, string Url, string Expected)[] Cases =
    [
        ("anonymous", "/Agreements", "login"),
        ("canbo.btctw@thidua.vn", "/Agreements", "denied"),
        ("admin@thidua.vn", "/Agreements", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Agreements", "ok"),
        ("hoidong.btctw@thidua.vn", "/Agreements", "ok"),
        ("tdkt.btctw@thidua.vn", "/Agreements", "ok"),
        ("thanhvien.btctw@thidua.vn", "/Agreements", "ok"),
        ("lanhdao.btctw@thidua.vn", "/Agreements", "ok"),
        ("tdkt.hvctqg@thidua.vn", "/Agreements?year=2019", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Agreements/Edit", "ok"),
        ("admin@thidua.vn", "/Agreements/Edit", "ok"),
        ("tdkt.btctw@thidua.vn", "/Agreements/Edit", "denied"),
        ("hoidong.btctw@thidua.vn", "/Agreements/Edit", "denied"),
        ("lanhdao.btctw@thidua.vn", "/Agreements/Edit", "denied"),
        ("canbo.hvctqg@thidua.vn", "/Agreements/Edit", "denied"),
    ];
}
