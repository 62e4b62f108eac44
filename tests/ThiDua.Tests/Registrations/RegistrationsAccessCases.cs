namespace ThiDua.Tests.Registrations;

/// <summary>Rows of the access table (<see cref="Accounts.AccessTests"/>) for this feature's pages: who, url, expected ("ok", "denied", "login").</summary>
/// <remarks>Pages keyed by a registration's id (Edit, RemoveLine) are checked by unit in <see cref="RegistrationPageTests"/>.</remarks>
public static class RegistrationsAccessCases
{
    public static readonly (string Who, string Url, string Expected)[] Cases =
    [
        ("anonymous", "/Registrations", "login"),
        ("canbo.btctw@thidua.vn", "/Registrations", "denied"),
        ("canbo.hvctqg@thidua.vn", "/Registrations?year=2019", "denied"),
        ("tdkt.btctw@thidua.vn", "/Registrations?year=2019", "ok"),
        ("hoidong.btctw@thidua.vn", "/Registrations", "ok"),
        ("thanhvien.btctw@thidua.vn", "/Registrations?year=2019", "ok"),
        ("lanhdao.btctw@thidua.vn", "/Registrations?year=2019", "ok"),
        ("tdkt.hvctqg@thidua.vn", "/Registrations?year=2026", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Registrations?year=2019", "ok"),
        ("admin@thidua.vn", "/Registrations?year=2019", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Registrations/Summary?year=2019", "ok"),
        ("admin@thidua.vn", "/Registrations/Summary?year=2019", "ok"),
        ("tdkt.btctw@thidua.vn", "/Registrations/Summary?year=2019", "denied"),
        ("hoidong.btctw@thidua.vn", "/Registrations/Summary?year=2019", "denied"),
        ("lanhdao.btctw@thidua.vn", "/Registrations/Summary?year=2019", "denied"),
        ("canbo.btctw@thidua.vn", "/Registrations/Summary?year=2019", "denied"),
        ("anonymous", "/Registrations/Summary?year=2019", "login"),
        ("thuongtruc.khoi@thidua.vn", "/Registrations/Export?year=2019", "ok"),
        ("tdkt.hvctqg@thidua.vn", "/Registrations/Export?year=2019", "denied"),
        ("thanhvien.btctw@thidua.vn", "/Registrations/Export?year=2019", "denied"),
        ("anonymous", "/Registrations/Export?year=2019", "login"),
    ];
}
