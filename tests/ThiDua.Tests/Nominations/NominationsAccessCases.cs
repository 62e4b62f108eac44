namespace ThiDua.Tests.Nominations;

/// <summary>Rows of the access table (<see cref="Accounts.AccessTests"/>) for the dossier's pages: who, url, expected ("ok", "denied", "login").</summary>
/// <remarks>Pages keyed by a dossier id (details, edit, report, documents) are checked in <see cref="DossierPageTests"/>.</remarks>
public static class NominationsAccessCases
{
    public static readonly (string Who, string Url, string Expected)[] Cases =
    [
        ("anonymous", "/Nominations", "login"),
        ("anonymous", "/Nominations/Create", "login"),
        ("canbo.btctw@thidua.vn", "/Nominations", "denied"),
        ("canbo.btctw@thidua.vn", "/Nominations/Create", "denied"),
        ("admin@thidua.vn", "/Nominations", "ok"),
        ("admin@thidua.vn", "/Nominations/Create?agency={hvUnit}", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Nominations?agency={btUnit}", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Nominations/Create?agency={bdUnit}", "ok"),
        ("tdkt.btctw@thidua.vn", "/Nominations", "ok"),
        ("tdkt.btctw@thidua.vn", "/Nominations/Create", "ok"),
        ("hoidong.btctw@thidua.vn", "/Nominations/Create", "ok"),
        ("thanhvien.btctw@thidua.vn", "/Nominations", "ok"),
        ("thanhvien.btctw@thidua.vn", "/Nominations/Create", "denied"),
        ("lanhdao.btctw@thidua.vn", "/Nominations", "ok"),
        ("lanhdao.btctw@thidua.vn", "/Nominations/Create", "denied"),
        ("tdkt.hvctqg@thidua.vn", "/Nominations/Create", "ok"),
    ];
}
